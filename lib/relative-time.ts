import type { Locale } from "@/lib/i18n/locales";

/**
 * "54 seconds ago", "3 hours ago", "yesterday" ("3 分钟前", "昨天"): how long ago `at` was at `now`, both
 * in milliseconds since the epoch, in `locale`. Anything under ten seconds old, or apparently still to
 * come (a clock a little behind the server's), reads "just now": a record already written cannot be in
 * the future. Units round down, so a 90-second-old event is "1 minute ago", never more than it is.
 */
export function relativeTime(at: number, now: number, locale: Locale = "en"): string {
  const seconds = Math.floor((now - at) / 1000);
  if (seconds < JUST_NOW_SECONDS) return JUST_NOW[locale];
  const [unit, size] = UNITS.find(([, s]) => seconds >= s) ?? ["second", 1];
  const text = new Intl.RelativeTimeFormat(locale, { numeric: "auto" }).format(-Math.floor(seconds / size), unit);
  // Intl writes "3分钟前"; Chinese typography (the glossary's) sets figures apart from characters.
  return text.replace(/(\d)(\p{Script=Han})/gu, "$1 $2").replace(/(\p{Script=Han})(\d)/gu, "$1 $2");
}

const JUST_NOW_SECONDS = 10;

/** Intl's own word for zero ("now", "现在") reads as a clock, not as an event that has just happened. */
const JUST_NOW: Record<Locale, string> = { en: "just now", "zh-CN": "刚刚" };

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["day", 86_400],
  ["hour", 3_600],
  ["minute", 60],
  ["second", 1],
];
