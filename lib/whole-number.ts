import { z } from "zod";

/**
 * A whole number as a person writes one in a setting or a flag: decimal digits only, within min–max, and
 * one message that names the range. Number(), and so z.coerce, read "0x50" as 80, "1e3" as 1000 and
 * "80.0" as 80, and rounds digits past 2^53 (so `max` must be a safe integer).
 */
export function wholeNumber(min: number, max: number, unit?: "seconds" | "milliseconds") {
  const problem = `must be a whole number${unit ? ` of ${unit}` : ""} between ${min} and ${max}`;
  return z
    .string({ error: problem })
    .refine((v) => /^\d+$/.test(v) && Number(v) >= min && Number(v) <= max, problem)
    .transform(Number);
}

/**
 * The largest id a record can have: ids are PostgreSQL `integer`s, which refuse anything larger (a 500
 * for a client's mistake). SQLite's ids could grow past it, but never do before PostgreSQL's would.
 */
export const MAX_RECORD_ID = 2_147_483_647;

const isRecordId = (n: number) => Number.isInteger(n) && n > 0 && n <= MAX_RECORD_ID;

/**
 * The id of a stored record, as a path, a query or a form names it: decimal digits for a positive id (or
 * that number itself, from a JSON body). Number() would take "0x10" for record 16, "1e1" for 10 and " 7 "
 * for 7; each of those now gets `problem` instead of another record.
 */
export function recordId(problem = "must be an id") {
  return z.custom<string | number>((v) => (typeof v === "string" ? /^\d{1,10}$/.test(v) && isRecordId(Number(v)) : typeof v === "number" && isRecordId(v)), problem).transform(Number);
}

/** A record's id in a JSON body: a number, never digits in a string. */
export function jsonRecordId(problem = "must be an id") {
  return z.number({ error: problem }).int(problem).positive(problem).max(MAX_RECORD_ID, problem);
}

/** The id a page's path names, or undefined for one no record can have (the page's 404). */
export function recordIdOf(value: string): number | undefined {
  const parsed = recordId().safeParse(value);
  return parsed.success ? parsed.data : undefined;
}
