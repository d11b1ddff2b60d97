"use client";

import { useEffect } from "react";

const FOCUSABLE = "a[href], button:not([disabled]), input:not([type=hidden]):not([disabled]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex='-1'])";

/**
 * When an action's result re-renders the focused form control away (Acknowledge, a status move, a
 * decision), the browser drops focus to the page and a keyboard user starts over from the top.
 * This puts focus back where the control was: the first control left in its nearest surviving
 * container, or that container itself. Links are left alone: a navigation starts a new page.
 */
export function FocusKeeper() {
  useEffect(() => {
    let trail: Element[] = [];
    const remember = (e: FocusEvent) => {
      trail = [];
      if (!(e.target instanceof Element) || !e.target.closest("form")) return;
      for (let el = e.target instanceof Element ? e.target : null; el && el !== document.body; el = el.parentElement) trail.push(el);
    };
    const restore = () => {
      if (!trail[0] || trail[0].isConnected || (document.activeElement && document.activeElement !== document.body)) return;
      const survivor = trail.find((el) => el.isConnected);
      if (!(survivor instanceof HTMLElement)) return;
      const target = survivor.querySelector<HTMLElement>(FOCUSABLE);
      if (target) return target.focus();
      survivor.tabIndex = -1;
      survivor.focus();
    };
    const observer = new MutationObserver(restore);
    observer.observe(document.body, { childList: true, subtree: true });
    document.addEventListener("focusin", remember);
    return () => {
      observer.disconnect();
      document.removeEventListener("focusin", remember);
    };
  }, []);
  return null;
}
