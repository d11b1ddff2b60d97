import { test } from "./support/fixtures";
import { sweepInChinese } from "./support/chinese";
import { APP_PAGES } from "./support/pages";

/*
 * Issue 19, done when: every page rendered in zh-CN, light and dark, shows no English UI word (data marked
 * translate="no" aside), is axe clean and does not scroll sideways at 390, 768 and 1280 px. The list is the
 * one lib/testing/e2e-pages.test.ts keeps complete, so a new page joins this sweep by being listed.
 */
const CHUNK = 6;
const chunks = Array.from({ length: Math.ceil(APP_PAGES.length / CHUNK) }, (_, i) => APP_PAGES.slice(i * CHUNK, (i + 1) * CHUNK));

for (const colorScheme of ["light", "dark"] as const) {
  chunks.forEach((pages, i) => {
    test(`every page in 简体中文, ${colorScheme}, part ${i + 1} of ${chunks.length} (${pages.map((p) => p.route).join(", ")})`, async ({ browser }) => {
      test.setTimeout(180_000);
      await sweepInChinese(browser, pages, colorScheme);
    });
  });
}
