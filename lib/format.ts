/** Human units for the dashboard: what a person reads at a glance, not raw seconds or ratios. */

import type { Locale } from "@/lib/i18n/locales";

/** Each locale's units around an Intl-formatted number ("{n}"); Chinese separates figures from characters by a space. */
const UNITS: Record<Locale, Record<"s" | "min" | "h" | "d" | "day" | "week" | "month", string>> = {
  en: { s: "{n} s", min: "{n} min", h: "{n} h", d: "{n} d", day: "{n} / day", week: "{n} / week", month: "{n} / month" },
  "zh-CN": { s: "{n} 秒", min: "{n} 分钟", h: "{n} 小时", d: "{n} 天", day: "{n} 次/天", week: "{n} 次/周", month: "{n} 次/月" },
};

const numbers = new Map<string, Intl.NumberFormat>();
/** Whole numbers from 10 up, one decimal below: "19", "3.4". */
function trim(n: number, locale: Locale): string {
  const digits = n >= 10 ? 0 : 1;
  const key = `${locale}/${digits}`;
  let format = numbers.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: digits, useGrouping: false });
    numbers.set(key, format);
  }
  return format.format(n);
}

const unit = (locale: Locale, name: keyof (typeof UNITS)["en"], n: number) => UNITS[locale][name].replace("{n}", trim(n, locale));

export function formatDuration(seconds: number | null, locale: Locale = "en"): string {
  if (seconds === null) return "—";
  if (seconds < 60) return UNITS[locale].s.replace("{n}", Math.round(seconds).toString());
  if (seconds < 3600) return unit(locale, "min", seconds / 60);
  if (seconds < 86_400 * 2) return unit(locale, "h", seconds / 3600);
  return unit(locale, "d", seconds / 86_400);
}

/**
 * How long something has lasted, to the minute, in its two largest units: "40 s", "12 min", "1 h 12 min",
 * "2 d 3 h" ("1 小时 12 分钟" in Chinese). For a clock a responder watches, where "1.2 h" reads poorly.
 */
export function formatElapsed(seconds: number, locale: Locale = "en"): string {
  const whole = Math.max(0, Math.floor(seconds));
  if (whole < 60) return unit(locale, "s", whole);
  const minutes = Math.floor(whole / 60);
  const [big, small, count, per] = minutes < 60 * 24 ? (["h", "min", minutes, 60] as const) : (["d", "h", Math.floor(minutes / 60), 24] as const);
  const high = Math.floor(count / per);
  const low = count % per;
  return [high ? unit(locale, big, high) : "", low || !high ? unit(locale, small, low) : ""].filter(Boolean).join(" ");
}

/** "12 %" in English as Tandem always wrote it; other locales as Intl writes a percentage ("12%"). */
export function formatPercent(rate: number | null, locale: Locale = "en"): string {
  if (rate === null) return "—";
  const pct = rate * 100;
  const digits = pct > 0 && pct < 1 ? 1 : 0;
  if (locale === "en") return `${digits ? pct.toFixed(1) : Math.round(pct)} %`;
  return new Intl.NumberFormat(locale, { style: "percent", minimumFractionDigits: digits, maximumFractionDigits: digits }).format(rate);
}

/** Per day when at least daily, else per week, else per month. */
export function formatFrequency(perDay: number, locale: Locale = "en"): string {
  if (perDay >= 1) return unit(locale, "day", perDay);
  if (perDay * 7 >= 1) return unit(locale, "week", perDay * 7);
  return unit(locale, "month", perDay * 30);
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

/** One object per locale, so React sees the same snapshot each render (components/ui/date-context.ts). */
const SERVER_CONTEXTS: Record<Locale, DateContext> = { en: SERVER_DATE_CONTEXT, "zh-CN": { locale: "zh-CN", timeZone: "UTC" } };
const READER_CONTEXTS: Record<Locale, DateContext> = { en: READER_DATE_CONTEXT, "zh-CN": { locale: "zh-CN" } };

/** What the server renders for a page in `locale`: the page's language, in UTC, the zone named ("2026年12月5日 23:35 UTC"). */
export function serverDateContext(locale: Locale): DateContext {
  return SERVER_CONTEXTS[locale];
}

/**
 * The reader's zone in the page's language. An English page keeps the browser's own English
 * ("Dec 5" or "5 Dec"); any other page is written in its language whatever the browser's.
 */
export function readerDateContext(locale: Locale): DateContext {
  return READER_CONTEXTS[locale];
}

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

/** Formatted with the zone's name last, where Tandem always shows it: Chinese puts it before the time ("2026年12月5日 UTC 23:35"). */
function format(ctx: DateContext, options: Intl.DateTimeFormatOptions, at: Date | string): string {
  const f = formatter(ctx, options);
  if (!options.timeZoneName) return f.format(instant(at));
  const parts = f.formatToParts(instant(at));
  const zone = parts.findIndex((part) => part.type === "timeZoneName");
  if (zone === parts.length - 1) return f.format(instant(at));
  const rest = parts.filter((part, i) => i !== zone && !(i === zone + 1 && part.type === "literal" && !part.value.trim()));
  // format() writes the narrow no-break space of "6:35 PM" as a plain one; formatToParts() does not.
  return `${rest.map((part) => part.value).join("").replaceAll("\u202f", " ").trim()} ${parts[zone]!.value}`;
}

/** "5 Dec 2026, 23:35" (en-GB), "Dec 5, 2026, 11:35 PM" (en-US), "2026年12月5日 23:35" (zh-CN); with `zone`, the zone's short name after it. */
export function formatDateTime(at: Date | string, ctx: DateContext, options: Zone = {}): string {
  return format(ctx, zoned({ ...DATE, ...TIME }, options), at);
}

/** The date of an instant in the reader's zone: "5 Dec 2026". */
export function formatDate(at: Date | string, ctx: DateContext): string {
  return formatter(ctx, DATE).format(instant(at));
}

/** The time of day: "23:35" or "11:35 PM"; with `zone`, the zone's short name after it. */
export function formatTime(at: Date | string, ctx: DateContext, options: Zone = {}): string {
  return format(ctx, zoned(TIME, options), at);
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
