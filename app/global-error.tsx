"use client";

import { createTranslator } from "next-intl";
import { useSyncExternalStore } from "react";
import en from "@/lib/i18n/messages/en.json";
import zh from "@/lib/i18n/messages/zh-CN.json";
import { negotiateLocale, type Locale } from "@/lib/i18n/locales";
import "./globals.css";

/** Only this page's words travel with it: the root layout, which provides the catalogs, is what failed. */
const WORDS: Record<Locale, { ErrorPages: { globalError: typeof en.ErrorPages.globalError } }> = {
  en: { ErrorPages: { globalError: en.ErrorPages.globalError } },
  "zh-CN": { ErrorPages: { globalError: zh.ErrorPages.globalError } },
};

const subscribe = () => () => undefined;
/** Without the layout nobody's setting can be read, so the browser's languages decide (English on the server). */
const browserLocale = () => negotiateLocale({ acceptLanguage: navigator.languages.join(",") });

/** Last resort when even the root layout fails; must render its own <html>. */
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const locale = useSyncExternalStore(subscribe, browserLocale, (): Locale => "en");
  const t = createTranslator({ locale, messages: WORDS[locale], namespace: "ErrorPages.globalError" });
  const none = locale === "en" ? en.Terms.states.none : zh.Terms.states.none;
  return (
    <html lang={locale}>
      <body className="flex min-h-screen items-center justify-center p-4 font-sans">
        <div role="alert" className="max-w-md rounded-lg border border-border bg-surface p-4">
          <h1 className="text-xl font-semibold">{t("heading")}</h1>
          <p className="mt-2 text-sm text-muted">{t("body", { reference: error.digest ?? none })}</p>
          <button type="button" onClick={reset} className="mt-4 rounded-md bg-accent px-3 py-2 text-sm text-accent-fg">
            {t("retry")}
          </button>
        </div>
      </body>
    </html>
  );
}
