import { LOCALE_NAMES, LOCALES } from "@/lib/i18n/locales";
import { test } from "./support/fixtures";
import { APP_PAGES, type AppPage } from "./support/pages";
import { sweepPages } from "./support/sweep";

/*
 * Every page, in each language the UI speaks (English, 简体中文), light and dark: axe clean, no sideways
 * scroll at 390, 768 and 1280 px, every list's table fitting at 1280 px, and in Chinese no English UI word
 * (issues 16 and 19).
 * The list is the one lib/testing/e2e-pages.test.ts keeps complete, so a new page joins the sweep by being
 * listed; an unknown address's page is swept with them.
 */
const PAGES: AppPage[] = [...APP_PAGES, { route: "", path: "/no-such-page", heading: "Page not found" }];
const CHUNK = 6;
const chunks = Array.from({ length: Math.ceil(PAGES.length / CHUNK) }, (_, i) => PAGES.slice(i * CHUNK, (i + 1) * CHUNK));

for (const locale of LOCALES) {
  chunks.forEach((pages, i) => {
    test(`every page in ${LOCALE_NAMES[locale]}, light and dark, part ${i + 1} of ${chunks.length} (${pages.map((p) => p.route || p.path).join(", ")})`, async ({ browser }) => {
      test.setTimeout(180_000);
      await sweepPages(browser, pages, locale);
    });
  });
}
