import { Temporal } from "temporal-polyfill";
import { describe, expect, it } from "vitest";
import { instantIn, isTimeZone } from "./time-zone";

const at = (wallClock: string, timeZone: string) => instantIn(Temporal.PlainDateTime.from(wallClock), timeZone).toISOString();

describe("wall-clock times in a time zone", () => {
  it("knows IANA zones and refuses a typo", () => {
    expect(isTimeZone("Europe/Berlin")).toBe(true);
    expect(isTimeZone("UTC")).toBe(true);
    expect(isTimeZone("Europe/Berln")).toBe(false);
    expect(isTimeZone("")).toBe(false);
  });

  it("reads a time with its own date's offset, summer or winter", () => {
    expect(at("2026-01-15T10:00", "Europe/Berlin")).toBe("2026-01-15T09:00:00.000Z");
    expect(at("2026-07-15T10:00", "Europe/Berlin")).toBe("2026-07-15T08:00:00.000Z");
    expect(at("2026-07-15T10:00", "America/New_York")).toBe("2026-07-15T14:00:00.000Z");
  });

  it("moves a time in a spring-forward gap on by the gap's length", () => {
    expect(at("2026-03-29T02:30", "Europe/Berlin")).toBe("2026-03-29T01:30:00.000Z");
    expect(at("2026-03-08T02:30", "America/New_York")).toBe("2026-03-08T07:30:00.000Z");
  });

  it("reads a time that happens twice when clocks fall back as the first of the two", () => {
    expect(at("2026-10-25T02:30", "Europe/Berlin")).toBe("2026-10-25T00:30:00.000Z");
    expect(at("2026-11-01T01:30", "America/New_York")).toBe("2026-11-01T05:30:00.000Z");
  });
});
