import { DAY_MS } from "@/lib/time";

export const WEEK_DAYS = 7;

/** The days of an ISO week (from its Monday) that a window covers, rounded to the nearest whole day. */
export function weekCoverage(weekStart: string, window: { from: Date; to: Date }): number {
  const start = Date.parse(weekStart);
  const overlap = Math.min(start + WEEK_DAYS * DAY_MS, window.to.getTime()) - Math.max(start, window.from.getTime());
  return Math.max(0, Math.round(overlap / DAY_MS));
}

/**
 * The weeks a weekly chart draws, each with the days of it inside the window: a week the window clips
 * has fewer than 7 and is drawn as partial, since its total is not comparable with a whole week's. A week
 * the window touches for less than half a day is left out: it holds too little to show a trend, and
 * its label would name a week before the period began (its deployments still count in the period's figures).
 */
export function chartWeeks<T extends { weekStart: string }>(weeks: readonly T[], window: { from: Date; to: Date }): (T & { days: number })[] {
  return weeks.map((w) => ({ ...w, days: weekCoverage(w.weekStart, window) })).filter((w) => w.days > 0);
}

/** A week the window clips: charts mark it, and say how many of its days count, in the tooltip and the table. */
export const isPartialWeek = (days: number) => days < WEEK_DAYS;
