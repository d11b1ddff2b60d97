import { headers } from "next/headers";
import { createTranslator } from "next-intl";
import { getDatabase } from "@/db/client";
import type { Translate } from "@/lib/form-errors";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { messagesFor } from "@/lib/i18n/messages";
import { requestLocale } from "@/lib/i18n/preference";

/**
 * The language an action answers in: the page's (the person's setting, else their browser's), negotiated
 * as app/_i18n/request.ts does for pages, but without next-intl's request config, so an action answers
 * the same under Vitest as in the server.
 */
export async function actionLanguage(userId: string | null): Promise<{ locale: Locale; t: Translate }> {
  // A refusal is still told when the language cannot be looked up (the database is what failed): in English.
  const locale = await requestLocale(getDatabase(), { path: null, userId, acceptLanguage: (await headers()).get("accept-language") }).catch((): Locale => DEFAULT_LOCALE);
  const translator = createTranslator({ locale, messages: await messagesFor(locale) });
  // The catalog's keys are checked by tests (lib/form-errors.test.ts, app/_actions/doing.test.ts), not by the type of a key built at run time.
  const t = Object.assign((key: string, values?: Record<string, string | number>) => translator(key as never, values as never), { has: (key: string) => translator.has(key as never) });
  return { locale, t };
}

/** "add action items" → "addActionItems": an action's `doing` as its key in the `Doing` catalog namespace. */
export function doingKey(doing: string): string {
  const [first = "", ...rest] = doing.split(/[^A-Za-z0-9]+/).filter(Boolean);
  return first.toLowerCase() + rest.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join("");
}
