import type { ChangeStatus } from "@/db/schema";

/*
 * The change calendar's rules, written once: which planned changes clash, and which days a week or month
 * view covers. The calendar page and the iCal feed both derive their marks from `findConflicts`.
 */

export type CalendarChange = {
  id: number;
  title: string;
  serviceId: number;
  service: string;
  serviceName: string;
  team: string | null;
  type: "standard" | "normal" | "emergency";
  status: ChangeStatus;
  start: Date;
  end: Date;
  /** When the change was last revised: an iCal event's DTSTAMP. */
  updatedAt: Date;
};

export type CalendarFreeze = {
  id: number;
  name: string;
  /** Null: the freeze covers every service. */
  serviceId: number | null;
  serviceName: string | null;
  reason: string | null;
  startsAt: Date;
  endsAt: Date;
  createdAt: Date;
};

export type Conflict =
  | { kind: "overlap"; change: CalendarChange; other: CalendarChange }
  | { kind: "freeze"; change: CalendarChange; freeze: CalendarFreeze };

/** Statuses whose plan is off: they are not shown. */
export const OFF_CALENDAR_STATUSES = ["rejected", "cancelled"] as const satisfies readonly ChangeStatus[];

/** Half-open windows [start, end): one ending as the next begins is a hand-over, not a clash. */
const overlaps = (aStart: Date, aEnd: Date, bStart: Date, bEnd: Date) => aStart < bEnd && bStart < aEnd;

/**
 * Plans still ahead of someone: only these clash. A change already implemented (or failed) is history
 * on the calendar; flagging every overlap of past releases would bury the clashes that can still be avoided.
 */
export const CLASHING_STATUSES = ["draft", "pending_approval", "approved"] as const satisfies readonly ChangeStatus[];

/**
 * Every clash of each open plan, by change id: another open plan of the same service whose window
 * overlaps its own (both carry it), and a freeze of its service or of every service that its window
 * meets. Emergency changes are exempt from freezes, as the gate lets them through one.
 */
export function findConflicts(changes: CalendarChange[], freezes: CalendarFreeze[]): Map<number, Conflict[]> {
  const live = changes.filter((c) => (CLASHING_STATUSES as readonly string[]).includes(c.status));
  const found = new Map<number, Conflict[]>();
  const add = (conflict: Conflict) => found.set(conflict.change.id, [...(found.get(conflict.change.id) ?? []), conflict]);
  const byService = new Map<number, CalendarChange[]>();
  for (const change of live) byService.set(change.serviceId, [...(byService.get(change.serviceId) ?? []), change]);
  for (const group of byService.values()) {
    for (const [i, a] of group.entries()) {
      for (const b of group.slice(i + 1)) {
        if (!overlaps(a.start, a.end, b.start, b.end)) continue;
        add({ kind: "overlap", change: a, other: b });
        add({ kind: "overlap", change: b, other: a });
      }
    }
  }
  for (const change of live) {
    if (change.type === "emergency") continue;
    for (const freeze of freezes) {
      if ((freeze.serviceId === null || freeze.serviceId === change.serviceId) && overlaps(change.start, change.end, freeze.startsAt, freeze.endsAt)) add({ kind: "freeze", change, freeze });
    }
  }
  return found;
}

/** A clash as the calendar page words it, in the reader's language: the parts it names. */
export type Clash = { kind: "overlap"; id: number; title: string; serviceName: string } | { kind: "freeze"; name: string; serviceName: string | null };

export function clashOf(conflict: Conflict): Clash {
  if (conflict.kind === "overlap") return { kind: "overlap", id: conflict.other.id, title: conflict.other.title, serviceName: conflict.change.serviceName };
  return { kind: "freeze", name: conflict.freeze.name, serviceName: conflict.freeze.serviceName };
}

/** One line per clash, in English, for a calendar app (a feed has no reader's language). */
export function describeConflict(conflict: Conflict): string {
  if (conflict.kind === "overlap") return `Overlaps change #${conflict.other.id} "${conflict.other.title}" on ${conflict.change.serviceName}`;
  const scope = conflict.freeze.serviceName ?? "every service";
  return `Inside the freeze "${conflict.freeze.name}" (${scope})`;
}

export const CALENDAR_VIEWS = ["week", "month"] as const;
export type CalendarView = (typeof CALENDAR_VIEWS)[number];

/** A calendar date, month 0-based as in Date: the reader's date, not an instant. */
export type CalendarDate = { year: number; month: number; day: number };

/** Midnight of a calendar date in some zone: UTC on the server, the reader's own in a browser. */
export type DayStart = (date: CalendarDate) => Date;
export const utcDayStart: DayStart = ({ year, month, day }) => new Date(Date.UTC(year, month, day));
export const localDayStart: DayStart = ({ year, month, day }) => new Date(year, month, day);

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2026-12-07" as a calendar date; undefined for anything else, impossible dates (30 February) included. */
export function parseCalendarDate(text: string): CalendarDate | undefined {
  const match = ISO_DATE.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]) - 1, Number(match[3])];
  const check = new Date(Date.UTC(year, month, day));
  if (year < 1970 || year > 9999 || check.getUTCMonth() !== month || check.getUTCDate() !== day) return undefined;
  return { year, month, day };
}

/** Date arithmetic on calendar dates (through UTC, where every day is 24 hours long). */
function shift({ year, month, day }: CalendarDate, days: number): CalendarDate {
  const d = new Date(Date.UTC(year, month, day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth(), day: d.getUTCDate() };
}

export const formatCalendarDate = ({ year, month, day }: CalendarDate) => `${String(year).padStart(4, "0")}-${String(month + 1).padStart(2, "0")}-${String(day).padStart(2, "0")}`;

/** Weeks start on Monday (ISO 8601). */
const mondayOf = (date: CalendarDate) => shift(date, -((new Date(Date.UTC(date.year, date.month, date.day)).getUTCDay() + 6) % 7));

export type CalendarDay = { date: CalendarDate; key: string; start: Date; end: Date; inPeriod: boolean };
export type CalendarPeriod = { view: CalendarView; days: CalendarDay[]; from: Date; to: Date; previous: string; next: string };

/**
 * The days a view shows around `anchor`: its Monday-to-Sunday week, or every whole week touching its
 * month (days of the neighbouring months marked not `inPeriod`). Each day runs from its midnight to the
 * next in the zone `dayStart` stands for, so a day of a DST change is 23 or 25 hours long.
 */
export function calendarPeriod(view: CalendarView, anchor: CalendarDate, dayStart: DayStart): CalendarPeriod {
  const first = view === "week" ? mondayOf(anchor) : mondayOf({ ...anchor, day: 1 });
  const lastOfMonth = shift({ year: anchor.year, month: anchor.month + 1, day: 1 }, -1);
  const spanned = (Date.UTC(lastOfMonth.year, lastOfMonth.month, lastOfMonth.day) - Date.UTC(first.year, first.month, first.day)) / 86_400_000 + 1;
  const count = view === "week" ? 7 : Math.ceil(spanned / 7) * 7;
  const days = Array.from({ length: count }, (_, i) => {
    const date = shift(first, i);
    return { date, key: formatCalendarDate(date), start: dayStart(date), end: dayStart(shift(date, 1)), inPeriod: view === "week" || date.month === anchor.month };
  });
  const previous = view === "week" ? shift(anchor, -7) : { year: anchor.year, month: anchor.month - 1, day: 1 };
  const next = view === "week" ? shift(anchor, 7) : { year: anchor.year, month: anchor.month + 1, day: 1 };
  return { view, days, from: days[0]!.start, to: days.at(-1)!.end, previous: formatCalendarDate(shift(previous, 0)), next: formatCalendarDate(shift(next, 0)) };
}

/** Whether something running [start, end) shows on a day: it meets the day's own span. */
export const onDay = (day: Pick<CalendarDay, "start" | "end">, start: Date, end: Date) => overlaps(start, end, day.start, day.end) || (start.getTime() === end.getTime() && start >= day.start && start < day.end);
