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
