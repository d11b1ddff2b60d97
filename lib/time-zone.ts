import { Temporal } from "temporal-polyfill";

/*
 * Wall-clock times in IANA time zones, read with the offset of their own date, not today's.
 *
 * DST rule (RFC 5545's, Temporal's "compatible", and what browsers do): a local time skipped when clocks
 * spring forward happens as long after as the gap lasts (02:30 on a day clocks go from 02:00 to 03:00 is
 * 03:30), and a local time that happens twice when clocks fall back means the first of the two.
 */

/** Whether the runtime knows the IANA zone (a typo such as "Europe/Berln" is refused, not read as UTC). */
export function isTimeZone(name: string): boolean {
  try {
    return Temporal.ZonedDateTime.from({ timeZone: name, year: 2026, month: 1, day: 1 }).timeZoneId.length > 0;
  } catch {
    return false;
  }
}

/** The instant a wall-clock time names in `timeZone` (a known zone: see isTimeZone). */
export function instantIn(wallClock: Temporal.PlainDateTime, timeZone: string): Date {
  return new Date(wallClock.toZonedDateTime(timeZone, { disambiguation: "compatible" }).epochMilliseconds);
}
