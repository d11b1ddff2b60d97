"use client";

import { useLayoutEffect, useState } from "react";

type Measured = { inputs: unknown[]; size: number; count: number };

/**
 * How many of the first `count` of `total` items (the box's <li>s) fit in `box` without being cut off: a TV
 * cannot scroll, so a list shows whole items and says how many more there are rather than clipping one
 * halfway. Measured again, from the full list and before the browser paints, whenever `inputs` or the
 * box's height change.
 */
export function useFitting(box: React.RefObject<HTMLElement | null>, count: number, total: number, inputs: unknown[]): number {
  const [size, setSize] = useState(0);
  const [measured, setMeasured] = useState<Measured | null>(null);
  const current = measured && measured.size === size && measured.inputs.length === inputs.length && measured.inputs.every((v, i) => v === inputs[i]) ? measured.count : null;

  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setSize(el.clientHeight));
    observer.observe(el);
    return () => observer.disconnect();
  }, [box]);

  useLayoutEffect(() => {
    const el = box.current;
    // Measuring the laid-out list before paint is what a layout effect is for; it settles in one pass.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (current === null && el) setMeasured({ inputs, size, count: fitting(el, count, total) });
  }, [box, count, current, inputs, size, total]);

  return Math.min(current ?? count, count);
}

/** The number of leading <li>s of `el` that end inside its padding box, leaving a line for "and N more" when some of `total` are left out. */
function fitting(el: HTMLElement, count: number, total: number): number {
  const items = el.querySelectorAll("li");
  const bottom = el.getBoundingClientRect().bottom - parseFloat(getComputedStyle(el).paddingBottom);
  const end = (n: number) => items[n - 1]!.getBoundingClientRect().bottom;
  if (count === 0 || items.length < count || (count === total && end(count) <= bottom)) return count;
  const more = parseFloat(getComputedStyle(items[0]!).lineHeight) + 12;
  let n = count;
  while (n > 0 && end(n) > bottom - more) n--;
  return n;
}
