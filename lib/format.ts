/** Human units for the dashboard: what a person reads at a glance, not raw seconds or ratios. */

const trim = (n: number) => (n >= 10 ? Math.round(n).toString() : (Math.round(n * 10) / 10).toString());

export function formatDuration(seconds: number | null): string {
  if (seconds === null) return "—";
  if (seconds < 60) return `${Math.round(seconds)} s`;
  if (seconds < 3600) return `${trim(seconds / 60)} min`;
  if (seconds < 86_400 * 2) return `${trim(seconds / 3600)} h`;
  return `${trim(seconds / 86_400)} d`;
}

export function formatPercent(rate: number | null): string {
  if (rate === null) return "—";
  const pct = rate * 100;
  return `${pct > 0 && pct < 1 ? pct.toFixed(1) : Math.round(pct)} %`;
}

/** Per day when at least daily, else per week, else per month. */
export function formatFrequency(perDay: number): string {
  if (perDay >= 1) return `${trim(perDay)} / day`;
  if (perDay * 7 >= 1) return `${trim(perDay * 7)} / week`;
  return `${trim(perDay * 30)} / month`;
}

/** At most `max` characters of `text`, with "…" when cut (never inside a surrogate pair). */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = /[\uD800-\uDBFF]/.test(text.charAt(max - 1)) ? max - 1 : max;
  return `${text.slice(0, end)}…`;
}

/*
 * Dates and times: every one the UI shows goes through these (lint refuses toLocale*String and
 * Intl.DateTimeFormat elsewhere in app/ and components/), so a reader sees one format everywhere, in
 * their own locale and time zone.
 */

/** Whose locale and time zone a time is shown in; absent fields mean the runtime's own (in a browser, the reader's). */
export type DateContext = { locale?: string; timeZone?: string };

/**
 * What the server renders before the browser can say its zone: English, in UTC, with the zone named
 * so it never passes for local time. Client components swap in the reader's after hydration.
 */
export const SERVER_DATE_CONTEXT: DateContext = { locale: "en-GB", timeZone: "UTC" };

/** The reader's own locale and zone (in a browser). */
export const READER_DATE_CONTEXT: DateContext = {};

type Zone = { zone?: boolean };

const formats = new Map<string, Intl.DateTimeFormat>();
function formatter(ctx: DateContext, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = JSON.stringify([ctx.locale, ctx.timeZone, options]);
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(ctx.locale, { ...options, timeZone: ctx.timeZone });
    formats.set(key, format);
  }
  return format;
}

const DATE = { year: "numeric", month: "short", day: "numeric" } as const;
const TIME = { hour: "numeric", minute: "2-digit" } as const;
const zoned = (options: Intl.DateTimeFormatOptions, { zone }: Zone) => (zone ? { ...options, timeZoneName: "short" as const } : options);
const instant = (at: Date | string) => (typeof at === "string" ? new Date(at) : at);

/** "5 Dec 2026, 23:35" (en-GB) or "Dec 5, 2026, 11:35 PM" (en-US); with `zone`, the zone's short name after it. */
export function formatDateTime(at: Date | string, ctx: DateContext, options: Zone = {}): string {
  return formatter(ctx, zoned({ ...DATE, ...TIME }, options)).format(instant(at));
}

/** The date of an instant in the reader's zone: "5 Dec 2026". */
export function formatDate(at: Date | string, ctx: DateContext): string {
  return formatter(ctx, DATE).format(instant(at));
}

/** The time of day: "23:35" or "11:35 PM"; with `zone`, the zone's short name after it. */
export function formatTime(at: Date | string, ctx: DateContext, options: Zone = {}): string {
  return formatter(ctx, zoned(TIME, options)).format(instant(at));
}

const CALENDAR = {
  /** A week's label on a chart: "2 Nov". */
  week: { day: "numeric", month: "short" },
  /** A heatmap's day: "Mon 2 Nov". */
  day: { weekday: "short", day: "numeric", month: "short" },
  /** A due date: "2 Nov 2026". */
  date: { day: "numeric", month: "short", year: "numeric" },
  /** A heading over a day's events: "Monday 2 November 2026". */
  full: { weekday: "long", day: "numeric", month: "long", year: "numeric" },
  /** A month's heading on the change calendar: "December 2026". */
  month: { month: "long", year: "numeric" },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

/**
 * A UTC calendar day ("2026-11-02", or the ISO instant of its midnight) in the reader's locale. The
 * figures bucket by UTC days and ISO weeks, so the day is named as it is in UTC, whatever the reader's zone.
 */
export function formatCalendarDay(day: string, ctx: DateContext, style: keyof typeof CALENDAR): string {
  return formatter({ locale: ctx.locale, timeZone: "UTC" }, CALENDAR[style]).format(new Date(day.length === 10 ? `${day}T00:00:00Z` : day));
}
