import { getLocale, getTranslations } from "next-intl/server";
import type { Translate } from "@/lib/form-errors";
import { DEFAULT_LOCALE, isLocale, type Locale } from "@/lib/i18n/locales";

/**
 * The language an action answers in: the page's, as the request config negotiates it for every request
 * (app/_i18n/request.ts: the person's setting, else their browser's), with a translator whose keys are
 * built at run time (a field's label, a problem's key).
 */
export async function actionLanguage(): Promise<{ locale: Locale; t: Translate }> {
  const asked = await getLocale();
  const locale = isLocale(asked) ? asked : DEFAULT_LOCALE;
  const translator = await getTranslations();
  // The catalog's keys are checked by tests (lib/form-errors.test.ts, app/_actions/doing.test.ts), not by the type of a key built at run time.
  const t = Object.assign((key: string, values?: Record<string, string | number>) => translator(key as never, values as never), { has: (key: string) => translator.has(key as never) });
  return { locale, t };
}

/** "add action items" → "addActionItems": an action's `doing` as its key in the `Doing` catalog namespace. */
export function doingKey(doing: string): string {
  const [first = "", ...rest] = doing.split(/[^A-Za-z0-9]+/).filter(Boolean);
  return first.toLowerCase() + rest.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join("");
}
