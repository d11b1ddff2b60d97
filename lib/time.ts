import { DAY_MS } from "@/db/schema/calendar";

export { DAY_MS };

export const MINUTE_MS = 60_000;

/** The instant `days` days before now: the start of a "last N days" window. */
export function daysAgo(days: number, now = Date.now()): Date {
  return new Date(now - days * DAY_MS);
}

/** A moment as the API returns it (UTC, with Z), or null. */
export function isoOrNull(d: Date | null): string | null {
  return d ? d.toISOString() : null;
}
