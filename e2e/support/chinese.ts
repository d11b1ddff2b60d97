import type { Page } from "@playwright/test";

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
