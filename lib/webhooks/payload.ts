import { clip } from "@/lib/format";
import { incidentCreateSchema } from "@/lib/incidents/schema";
import { PayloadError } from "./types";

export { clip };

/* Small readers for untyped JSON payloads: each names the path it could not find. */

type Json = Record<string, unknown>;

export function obj(value: unknown, path: string): Json {
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new PayloadError(`${path} is missing or not an object`);
  return value as Json;
}

export function str(value: unknown, path: string): string {
  if (typeof value === "number") return String(value);
  if (typeof value !== "string" || value === "") throw new PayloadError(`${path} is missing or not text`);
  return value;
}

export function optStr(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : typeof value === "number" ? String(value) : undefined;
}

export function arr(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) throw new PayloadError(`${path} is missing or not a list`);
  return value;
}

const TITLE_MAX = incidentCreateSchema.shape.title.maxLength!;

/**
 * A payload's text as an incident title: trimmed, and a longer one cut to fit, its "…" included. clip
 * cuts between code points: half a surrogate pair would be refused by the incident schema, and the tool
 * would send the delivery again and again.
 */
export function incidentTitle(text: string): string {
  const trimmed = text.trim();
  return trimmed.length <= TITLE_MAX ? trimmed : clip(trimmed, TITLE_MAX - 1);
}

/** Longer than any time a tool sends ("2021-04-28 21:50:00.123456789 +0200" is 35): refused before any parsing. */
export const MAX_TIME_LENGTH = 64;


/** A payload's value as it may appear in an error or the delivery log: quoted, and at most a short prefix. */
export function quote(value: unknown): string {
  return JSON.stringify(clip(typeof value === "string" ? value : String(value), 40));
}

/**
 * An ISO-8601 string from a payload's time, including GitLab's "2021-04-28 21:50:00 +0200" and "… UTC".
 * The length is bounded first, and every step after is linear: no regex that can move or backtrack.
 */
export function isoTime(value: unknown, path: string): string {
  const raw = str(value, path);
  if (raw.length > MAX_TIME_LENGTH) throw new PayloadError(`${path} is not a time: ${quote(raw)} is longer than ${MAX_TIME_LENGTH} characters`);
  let text = raw.trim().replace(/^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d(?:\.\d+)?)/, "$1T$2");
  if (text.endsWith("UTC")) text = `${text.slice(0, -3).trimEnd()}Z`;
  const offset = /([+-]\d\d):?(\d\d)$/.exec(text);
  if (offset) text = `${text.slice(0, offset.index).trimEnd()}${offset[1]}:${offset[2]}`;
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw new PayloadError(`${path} is not a time: ${quote(raw)}`);
  return new Date(ms).toISOString();
}
