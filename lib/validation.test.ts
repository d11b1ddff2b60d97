import { describe, expect, it } from "vitest";
import { z } from "zod";
import { badCharacters, localDateTimeSchema, printable, requiredLocalDateTimeSchema, requiredText, slugSchema, text, timeZoneFieldSchema } from "./validation";

describe("text fields refuse what is not text", () => {
  // Issue 15: "\ud800" in JSON was stored as invalid UTF-8, and NUL bytes reached the CSV export.
  it.each([
    ["a NUL", "Checkout\u0000down", "must not contain a NUL character"],
    ["a lone high surrogate", "Checkout \ud800 down", "must not contain an unpaired surrogate (it is not valid Unicode)"],
    ["a lone low surrogate", "\udc00", "must not contain an unpaired surrogate (it is not valid Unicode)"],
    ["surrogates in the wrong order", "\ude00\ud83d", "must not contain an unpaired surrogate (it is not valid Unicode)"],
  ])("%s is refused with one issue naming the field", (_, value, message) => {
    const schema = z.object({ title: requiredText(200), service: slugSchema.optional(), note: text().optional() });
    for (const field of ["title", "note"]) {
      const result = schema.safeParse({ title: "ok", [field]: value });
      expect(result.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([[field, message]]);
    }
    expect(slugSchema.safeParse(value).error?.issues[0]?.message).toBe(message);
  });

  it("keeps paired surrogates (emoji), tabs and newlines", () => {
    expect(text().parse("Deploy 🚀\tdone\n")).toBe("Deploy 🚀\tdone\n");
    expect(badCharacters("naïve — 日本 🚀")).toBeUndefined();
  });

  it("still says is required / must be text", () => {
    expect(text().safeParse(undefined).error?.issues[0]?.message).toBe("is required");
    expect(text().safeParse(3).error?.issues[0]?.message).toBe("must be text");
  });
});

describe("printable", () => {
  it("writes NULs out and replaces unpaired surrogates, leaving other text (emoji included) as it was", () => {
    expect(printable("a\0b")).toBe("a\\u0000b");
    expect(printable("x\ud800y")).toBe("x\ufffdy");
    expect(printable("ok 🚀 中文")).toBe("ok 🚀 中文");
    expect(badCharacters(printable("\0\udc00\0"))).toBeUndefined();
  });
});

describe("datetime-local values and the zone they are read in", () => {
  const problem = (schema: z.ZodType, value: unknown) => schema.safeParse(value).error?.issues.map((i) => i.message);

  it("reads a wall-clock time to the minute, or with seconds and milliseconds; blank is none", () => {
    expect(localDateTimeSchema.parse("2026-03-10T10:00")?.toString()).toBe("2026-03-10T10:00:00");
    expect(localDateTimeSchema.parse(" 2026-03-10T10:00:30.5 ")?.toString()).toBe("2026-03-10T10:00:30.5");
    expect(localDateTimeSchema.parse("  ")).toBeNull();
    expect(localDateTimeSchema.parse(undefined)).toBeNull();
    expect(problem(requiredLocalDateTimeSchema, "")).toEqual(["is required"]);
  });

  it.each(["2030-02-30T10:00", "2026-01-01T99:99", "2026-01-01T24:00", "2026-01-01T23:60", "2026-01-01T00:00:60", "2026-13-01T00:00", "2026-00-10T00:00"])(
    "refuses %s, which is not on the calendar, rather than rolling it over",
    (value) => expect(problem(localDateTimeSchema, value)).toEqual(["is not a date and time on the calendar"]),
  );

  it.each(["soon", "2026-03-10", "2026-03-10 10:00", "2026-03-10T10:00Z", "2026-03-10T10:00+01:00"])("refuses %s, which is no datetime-local value", (value) => {
    expect(problem(localDateTimeSchema, value)).toEqual(["must be a date and time"]);
  });

  it("takes an IANA zone and refuses anything else", () => {
    expect(timeZoneFieldSchema.parse(" America/New_York ")).toBe("America/New_York");
    expect(problem(timeZoneFieldSchema, "Europe/Berln")).toEqual(["must be an IANA time zone, e.g. Europe/Berlin"]);
    expect(problem(timeZoneFieldSchema, undefined)).toEqual(["is required"]);
  });
});
