import { Temporal } from "temporal-polyfill";
import { z } from "zod";
import { DATETIME_LOCAL } from "./datetime-local";
import { instantIn, isTimeZone } from "./time-zone";
import { jsonRecordId } from "@/lib/whole-number";

/**
 * What is wrong with a string's characters, if anything: a NUL (which C tools, CSV readers and logs
 * cut at) or an unpaired UTF-16 surrogate ("\ud800" in JSON), which no UTF-8 can hold, so SQLite would
 * store invalid UTF-8 or a silent U+FFFD. Neither is text; both are refused where input enters.
 */
export function badCharacters(value: string): string | undefined {
  if (value.includes("\0")) return "must not contain a NUL character";
  if (!value.isWellFormed()) return "must not contain an unpaired surrogate (it is not valid Unicode)";
  return undefined;
}

/**
 * A string made from outside input that Tandem must keep anyway (a delivery log's message quoting a refused
 * body): NULs written as "\u0000" and unpaired surrogates as U+FFFD, so every engine can store it
 * (PostgreSQL refuses both in text) and every reader can show it.
 */
export function printable(value: string): string {
  return value.replaceAll("\0", "\\u0000").toWellFormed();
}

/**
 * A string field whose absence reads "is required" rather than zod's type message. Every string the
 * API, the forms, the CLI and the webhooks store passes through here, so it refuses bad characters.
 */
export function text() {
  return z
    .string({ error: (issue) => (issue.input === undefined ? "is required" : "must be text") })
    .superRefine((value, ctx) => {
      const problem = badCharacters(value);
      if (problem) ctx.addIssue({ code: "custom", message: problem, abort: true });
    });
}

/** A form/CLI string that must not be blank once trimmed. */
export function requiredText(max: number) {
  return text().trim().min(1, "is required").max(max, `must be at most ${max} characters`);
}

export const slugSchema = text()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9-]*$/, "must be a slug: lower-case letters, digits and dashes, starting with a letter or digit")
  .max(64, "must be at most 64 characters");

/** A deployment's environment ("production", "staging"): any name, compared lower-cased. */
export const environmentSchema = text().trim().toLowerCase().min(1, "must not be empty").max(64, "must be at most 64 characters");

/** A choice among fixed values; absence reads "is required", a wrong value lists the choices. */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: (issue) => (issue.input === undefined ? "is required" : `must be one of ${values.join(", ")}`) });
}

/**
 * An IANA time zone a form sends: one chosen (a rotation's), or the hidden field a form with datetime-local
 * inputs sends, the reader's, in which those inputs are read (lib/time-zone.ts), each with the offset of
 * its own date.
 */
export const timeZoneFieldSchema = text().trim().refine(isTimeZone, "must be an IANA time zone, e.g. Europe/Berlin");

/**
 * A datetime-local input's value as a wall-clock time, which the form's schema reads in the zone of its
 * timeZoneFieldSchema; blank is null. Read strictly: 30 February or 25:00 is refused, not rolled over.
 */
export const localDateTimeSchema = text()
  .trim()
  .default("")
  .transform((value, ctx) => {
    if (!value) return null;
    const match = DATETIME_LOCAL.exec(value);
    if (!match) {
      ctx.addIssue({ code: "custom", message: "must be a date and time" });
      return z.NEVER;
    }
    const [year, month, day, hour, minute, second = "0", fraction = ""] = match.slice(1);
    try {
      return Temporal.PlainDateTime.from(
        { year: Number(year), month: Number(month), day: Number(day), hour: Number(hour), minute: Number(minute), second: Number(second), millisecond: Number(fraction.padEnd(3, "0")) },
        { overflow: "reject" },
      );
    } catch {
      ctx.addIssue({ code: "custom", message: "is not a date and time on the calendar" });
      return z.NEVER;
    }
  });

/** The same, where a blank one "is required". */
export const requiredLocalDateTimeSchema = localDateTimeSchema.pipe(z.custom<Temporal.PlainDateTime>((at) => at !== null, "is required"));

/** A localDateTimeSchema value read in the form's zone, as the ISO string an API schema takes (timestampSchema); blank stays absent. */
export function isoIn(wallClock: Temporal.PlainDateTime | null, timeZone: string): string | undefined {
  return wallClock ? instantIn(wallClock, timeZone).toISOString() : undefined;
}

/** ISO-8601 with any offset; always stored and returned in UTC. */
export const timestampSchema = z
  .iso.datetime({ offset: true, error: "must be an ISO-8601 timestamp with an offset, e.g. 2026-01-31T09:00:00Z" })
  .transform((v) => new Date(v));

/** A person named by the email they sign in with: trimmed and in lower case, as accounts are kept. */
export const emailSchema = text()
  .trim()
  .toLowerCase()
  .max(320, "must be at most 320 characters")
  .pipe(z.email({ error: "must be an email address" }));

/** A calendar day, "2026-12-31": a due date, not an instant. */
export const calendarDaySchema = text()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date written YYYY-MM-DD, e.g. 2026-12-31")
  .refine((day) => {
    const at = new Date(`${day}T00:00:00Z`);
    // Date rolls 2026-02-30 over to 2 March; a day that comes back changed is not on the calendar.
    return !Number.isNaN(at.getTime()) && at.toISOString().startsWith(day);
  }, "is not a date on the calendar");

/** An optional link: http(s) only (no javascript:, file: or data:), an empty one meaning none. */
export const linkSchema = text()
  .trim()
  .max(2000, "must be at most 2000 characters")
  .transform((v) => v || null)
  .pipe(z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).nullable());

export const shaSchema = text()
  .trim()
  .toLowerCase()
  .regex(/^[0-9a-f]{7,64}$/, "must be a commit sha (7 to 64 hex digits)");

/** A reference to another record: its Tandem id, or the externalId it was sent with. */
export const referenceSchema = z.union([jsonRecordId(), text().trim().min(1).max(200)], {
  error: "must be an id (number) or an externalId (string)",
});

/**
 * Keys that name JavaScript's object machinery. In a map an admin configures (name → value) they are
 * refused with a message naming them: zod's record skips "__proto__" without a word, and a mapping that
 * silently vanishes is worse than one refused. Other prototype names (toString, valueOf…) are names
 * like any other, since maps are read by own property only.
 */
export const RESERVED_KEYS: readonly string[] = ["__proto__", "constructor", "prototype"];

/** A record of `value` by `key`, refusing the reserved keys (see RESERVED_KEYS) with an issue at each. */
export function mapSchema<K extends z.ZodType<string, string>, V extends z.ZodType>(key: K, value: V) {
  return z.preprocess((input, ctx) => {
    if (typeof input !== "object" || input === null || Array.isArray(input)) return input;
    for (const name of RESERVED_KEYS) {
      if (Object.hasOwn(input, name)) ctx.addIssue({ code: "custom", path: [name], message: "is reserved and cannot be mapped", input });
    }
    return input;
  }, z.record(key, value));
}
