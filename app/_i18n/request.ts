import { headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { getDatabase } from "@/db/client";
import { getCurrentUser } from "@/app/_http/session";
import { DEFAULT_LOCALE, isLocale, type Locale } from "@/lib/i18n/locales";
import { messagesFor } from "@/lib/i18n/messages";
import { requestLocale } from "@/lib/i18n/preference";
import { PATH_HEADER } from "@/lib/i18n/path-header";

/**
 * No locale in the URL: each request's language is negotiated (lib/i18n/locales.ts) from the wall
 * link it opens, the signed-in person's setting and Accept-Language. The proxy passes the path along.
 */
export default getRequestConfig(async ({ locale: asked }) => {
  const requestHeaders = await headers();
  // A page or an action still answers when the database (the person's setting) cannot be read: in English.
  const negotiated = async () =>
    requestLocale(getDatabase(), {
      path: requestHeaders.get(PATH_HEADER),
      userId: (await getCurrentUser())?.id ?? null,
      acceptLanguage: requestHeaders.get("accept-language"),
    });
  const locale = isLocale(asked) ? asked : await negotiated().catch((): Locale => DEFAULT_LOCALE);
  return { locale, messages: await messagesFor(locale) };
});
