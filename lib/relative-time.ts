/**
 * "54 seconds ago", "3 hours ago", "yesterday": how long ago `at` was at `now`, both in milliseconds
 * since the epoch. Anything under ten seconds old, or apparently still to come (a clock a little behind
 * the server's), reads "just now": a record already written cannot be in the future. Units round down,
 * so a 90-second-old event is "1 minute ago", never more than it is.
 */
export function relativeTime(at: number, now: number, locale?: string): string {
  const seconds = Math.floor((now - at) / 1000);
  if (seconds < JUST_NOW_SECONDS) return "just now";
  const [unit, size] = UNITS.find(([, s]) => seconds >= s) ?? ["second", 1];
  return new Intl.RelativeTimeFormat(locale, { numeric: "auto" }).format(-Math.floor(seconds / size), unit);
}

const JUST_NOW_SECONDS = 10;

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["day", 86_400],
  ["hour", 3_600],
  ["minute", 60],
  ["second", 1],
];
