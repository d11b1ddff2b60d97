import { headers } from "next/headers";
import { createTranslator, type NamespaceKeys, type NestedKeyOf } from "next-intl";
import { getDatabase } from "@/db/client";
import { getCurrentUser } from "@/app/_http/session";
import { messagesFor, type Messages } from "@/lib/i18n/messages";
import { PATH_HEADER } from "@/lib/i18n/path-header";
import { requestLocale } from "@/lib/i18n/preference";

/**
 * What a server action says back, in the language of the page that posted it (negotiated as
 * app/_i18n/request.ts negotiates every request). Not next-intl's getTranslations(): that needs Next's
 * react-server build, which the actions' Vitest suites (access matrix, fuzz) do not run under.
 */
export async function actionTranslator<Namespace extends NamespaceKeys<Messages, NestedKeyOf<Messages>>>(namespace: Namespace) {
  const requestHeaders = await headers();
  const locale = await requestLocale(getDatabase(), {
    path: requestHeaders.get(PATH_HEADER),
    userId: (await getCurrentUser())?.id ?? null,
    acceptLanguage: requestHeaders.get("accept-language"),
  });
  return createTranslator({ locale, messages: await messagesFor(locale), namespace });
}
