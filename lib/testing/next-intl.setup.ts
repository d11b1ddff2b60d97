import { vi } from "vitest";

// Registered in vitest.config.mts. Vitest resolves next-intl/server to its client build, which refuses
// to run; server actions that word their messages with getTranslations would then fail in unit tests.
// Outside a request there is no locale to negotiate, so actions speak English here, as by default.
vi.mock("next-intl/server", async () => {
  const { createTranslator } = await import("next-intl");
  const { messagesFor } = await import("@/lib/i18n/messages");
  const { DEFAULT_LOCALE, isLocale } = await import("@/lib/i18n/locales");
  type Options = string | { namespace?: string; locale?: string } | undefined;
  return {
    getLocale: async () => DEFAULT_LOCALE,
    getTranslations: async (options: Options) => {
      const { namespace, locale } = typeof options === "object" ? options : { namespace: options, locale: undefined };
      const chosen = isLocale(locale) ? locale : DEFAULT_LOCALE;
      // The namespace is a runtime string here; the typed overloads are for the app's own calls.
      return createTranslator({ locale: chosen, messages: await messagesFor(chosen), namespace: namespace as never });
    },
  };
});
