/*
 * <input type="datetime-local"> holds a wall-clock time with no zone. A form sends the reader's zone
 * beside it (readerTimeZone, in a hidden field), and the server reads the time in that zone
 * (lib/validation.ts, lib/time-zone.ts). No Temporal here: this runs in the browser too.
 */

/** Its value: "2026-03-10T10:00", with seconds and milliseconds when it has them. */
export const DATETIME_LOCAL = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d)(?::(\d\d)(?:\.(\d{1,3}))?)?$/;

/** The runtime's IANA time zone: in a browser, the reader's. */
export function readerTimeZone(): string {
  return new Intl.DateTimeFormat().resolvedOptions().timeZone;
}
