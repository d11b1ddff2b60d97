import type { Locale } from "./locales";
import type en from "./messages/en.json";

export type Messages = typeof en;

/** Each catalog is loaded only for the requests that speak it. */
const CATALOGS: Record<Locale, () => Promise<{ default: Messages }>> = {
  en: () => import("./messages/en.json"),
  "zh-CN": () => import("./messages/zh-CN.json"),
};

export async function messagesFor(locale: Locale): Promise<Messages> {
  return (await CATALOGS[locale]()).default;
}
