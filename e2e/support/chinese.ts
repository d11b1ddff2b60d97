import type { Browser, Page } from "@playwright/test";
import { expect, expectAccessible, storageStateFor, watchCsp } from "./fixtures";
import { type AppPage, pathOf } from "./pages";

/** Names and words that stay as they are in Chinese text (glossary: product names, SEV levels). */
const KEPT = new Set(["Tandem", "API", "DORA", "SEV", "SEV1", "SEV2", "SEV3", "SEV4", "Slack", "Teams", "Webhook", "GitHub", "GitLab", "PagerDuty", "Opsgenie", "Alertmanager", "CDEvents", "CSV", "iCal", "QR", "UTC", "URL", "ID", "SMTP", "JSON", "HTTP", "HTTPS", "CI", "CD", "Argo", "Jenkins", "Actions", "curl", "jq", "OpenAPI", "PostgreSQL", "SQLite", "Markdown", "Ctrl"]);

/**
 * The English words a reader of the page sees (text, and the names and hints in aria-label, title,
 * placeholder and alt), leaving out data: anything inside an element marked `translate="no"` (the
 * HTML attribute that tells translators the same thing) — service names, titles, people, slugs, code.
 */
export async function englishWords(page: Page, root = "body"): Promise<string[]> {
  const texts = await page.locator(root).evaluateAll((roots) => {
    const out: string[] = [];
    const skip = (el: Element | null) => !!el?.closest("[translate=no], script, style, template, noscript");
    for (const r of roots) {
      const walker = document.createTreeWalker(r, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) if (!skip(n.parentElement)) out.push(n.textContent ?? "");
      for (const el of [r, ...r.querySelectorAll("[aria-label], [title], [placeholder], [alt]")]) {
        if (skip(el)) continue;
        for (const name of ["aria-label", "title", "placeholder", "alt"]) {
          const v = el.getAttribute(name);
          if (v) out.push(v);
        }
      }
    }
    return out;
  });
  return [...new Set(texts.join(" ").match(/[A-Za-z]{2,}/g) ?? [])].filter((w) => !KEPT.has(w));
}

/**
 * Each page as a Chinese browser sees it, light and dark, at a phone's, a tablet's and a laptop's width:
 * `<html lang="zh-CN">`, no English UI word, no sideways scroll, and axe clean at each scheme.
 */
export async function sweepInChinese(browser: Browser, pages: AppPage[], colorScheme: "light" | "dark") {
  const problems: string[] = [];
  for (const signedOut of [false, true]) {
    const subset = pages.filter((p) => !!p.signedOut === signedOut);
    if (!subset.length) continue;
    const context = await browser.newContext({ locale: "zh-CN", colorScheme, storageState: signedOut ? undefined : storageStateFor("admin") });
    await watchCsp(context);
    const page = await context.newPage();
    for (const p of subset) {
      for (const width of [390, 768, 1280]) {
        await page.setViewportSize({ width, height: 900 });
        await page.goto(pathOf(p));
        await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
        await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
        await expect(page.locator("[data-loading]")).toHaveCount(0);
        const words = await englishWords(page);
        if (words.length) problems.push(`${pathOf(p)} at ${width} px shows English: ${words.join(", ")}`);
        const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
        if (scrollWidth > width) problems.push(`${pathOf(p)} is ${scrollWidth} px wide at ${width} px`);
      }
      await expectAccessible(page);
    }
    await context.close();
  }
  expect(problems).toEqual([]);
}
