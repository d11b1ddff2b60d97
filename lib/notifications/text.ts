import { createTranslator } from "next-intl";
import { formatCalendarDay, formatDateTime } from "@/lib/format";
import { DEFAULT_LOCALE, isLocale, type Locale } from "@/lib/i18n/locales";
import en from "@/lib/i18n/messages/en.json" with { type: "json" };
import zhCN from "@/lib/i18n/messages/zh-CN.json" with { type: "json" };

/** The Terms groups whose values (statuses, kinds, levels) a message names: written in the reader's words. */
type TermGroup = "incidentStatus" | "changeStatus" | "changeType" | "risk" | "severity";

/**
 * An argument of a message: data as it is (a title, a slug, a count), an instant or a UTC calendar day
 * written in the reader's format, an enum value or a catalog word ("nobody") in the reader's words. Plain
 * JSON, because the outbox stores the message and writes it out only when it is sent, in the language of
 * whoever receives it.
 */
export type Arg = string | number | { at: string } | { day: string } | { term: TermGroup; value: string } | { key: string };

/** A catalog message by its full key ("Notifications.incidentDeclared") and its arguments. */
export type Phrase = { key: string; values?: Record<string, Arg> };

/**
 * What a person reads of an event, as catalog messages: the title, a summary when Tandem writes one
 * (absent: the subject's own summary, which is data), and the facts as [label's key, value].
 */
export type EventText = { title: Phrase; summary?: Phrase; facts: [string, Arg][] };

/** The words of a message in one language. */
export type WrittenText = { title: string; summary: string | null; facts: [string, string][] };

const CATALOGS = { en, "zh-CN": zhCN } satisfies Record<Locale, unknown>;
/** Dates in a message: English as the server writes them (en-GB), Chinese as Intl writes them; always in UTC, named. */
const DATE_LOCALE: Record<Locale, string> = { en: "en-GB", "zh-CN": "zh-CN" };

const translators = new Map<Locale, ReturnType<typeof translatorOf>>();
const translatorOf = (locale: Locale) => createTranslator({ locale, messages: CATALOGS[locale] as typeof en });
function translator(locale: Locale) {
  let t = translators.get(locale);
  if (!t) translators.set(locale, (t = translatorOf(locale)));
  return t;
}

/** A stored language, else English: a channel or person saved with one Tandem no longer speaks still gets mail. */
export const localeOr = (value: unknown): Locale => (isLocale(value) ? value : DEFAULT_LOCALE);

/** One message of the catalogs in a language; the key is typed loosely because stored messages carry it as data. */
export function message(locale: Locale, key: string, values?: Record<string, string | number>): string {
  return translator(locale)(key as never, values as never);
}

function arg(locale: Locale, value: Arg): string | number {
  if (typeof value !== "object") return value;
  if ("at" in value) return formatDateTime(value.at, { locale: DATE_LOCALE[locale], timeZone: "UTC" }, { zone: true });
  if ("day" in value) return formatCalendarDay(value.day, { locale: DATE_LOCALE[locale] }, "date");
  if ("key" in value) return message(locale, value.key);
  const key = `Terms.${value.term}.${value.value}`;
  return translator(locale).has(key as never) ? message(locale, key) : value.value;
}

export function phrase(locale: Locale, p: Phrase): string {
  return message(locale, p.key, Object.fromEntries(Object.entries(p.values ?? {}).map(([k, v]) => [k, arg(locale, v)])));
}

/** An event's text in one language; `dataSummary` is the subject's own summary, shown as written. */
export function writeOut(text: EventText, locale: Locale, dataSummary: string | null = null): WrittenText {
  return {
    title: phrase(locale, text.title),
    summary: text.summary ? phrase(locale, text.summary) : dataSummary,
    facts: text.facts.map(([label, value]) => [message(locale, label), String(arg(locale, value))]),
  };
}
