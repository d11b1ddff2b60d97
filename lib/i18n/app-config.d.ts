import type { Locale } from "./locales";
import type { Messages } from "./messages";

/** Typed keys: t("Nav.overvew") fails to compile. */
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
