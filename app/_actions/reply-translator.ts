import { headers } from "next/headers";
import { createTranslator } from "next-intl";
import type { Database } from "@/db/database";
import { messagesFor } from "@/lib/i18n/messages";
import { requestLocale } from "@/lib/i18n/preference";

/**
 * What an action says back, in its caller's language as app/_i18n/request.ts negotiates it (their
 * setting, else Accept-Language). Built from the catalogs rather than next-intl's getTranslations, which
 * exists only inside Next's server runtime: the actions also run in the Vitest suites.
 */
export async function replyTranslator(db: Database, userId: string) {
  const locale = await requestLocale(db, { path: null, userId, acceptLanguage: (await headers()).get("accept-language") });
  return createTranslator({ locale, messages: await messagesFor(locale) });
}
