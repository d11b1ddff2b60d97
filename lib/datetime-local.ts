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

const formats = new Map<string, Intl.DateTimeFormat>();
function wallClockFormat(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" });
    formats.set(timeZone, format);
  }
  return format;
}

/**
 * An instant as the value of such an input in `timeZone`: to the minute when it falls on one, else with its
 * seconds and milliseconds, so a form that shows a stored time sends back that very instant (saving an
 * incident's resolution does not "correct" a start stamped at 10:00:30.123 to 10:00). Only the later of a time
 * that happens twice, when clocks fall back, reads back differently: as the first, the input having no offset.
 */
export function localInputValue(at: Date, timeZone: string): string {
  const part = Object.fromEntries(wallClockFormat(timeZone).formatToParts(at).map(({ type, value }) => [type, value]));
  const minute = `${part.year?.padStart(4, "0")}-${part.month}-${part.day}T${part.hour}:${part.minute}`;
  const ms = at.getUTCMilliseconds();
  if (part.second === "00" && ms === 0) return minute;
  return `${minute}:${part.second}${ms ? `.${String(ms).padStart(3, "0")}` : ""}`;
}
