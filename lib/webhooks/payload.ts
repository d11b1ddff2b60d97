import { PayloadError } from "./types";

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

/** An ISO-8601 string from a payload's time, including GitLab's "2021-04-28 21:50:00 +0200" and "… UTC". */
export function isoTime(value: unknown, path: string): string {
  const text = str(value, path)
    .trim()
    .replace(/^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d(?:\.\d+)?)/, "$1T$2")
    .replace(/\s*UTC$/, "Z")
    .replace(/\s*([+-]\d\d):?(\d\d)$/, "$1:$2");
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw new PayloadError(`${path} is not a time: ${String(value)}`);
  return new Date(ms).toISOString();
}
