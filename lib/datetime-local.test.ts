import { describe, expect, it } from "vitest";
import { localInputValue } from "./datetime-local";
import { instantIn } from "./time-zone";
import { requiredLocalDateTimeSchema } from "./validation";

/** What the server stores when a form sends `value` back with `timeZone`. */
const readBack = (value: string, timeZone: string) => instantIn(requiredLocalDateTimeSchema.parse(value), timeZone).toISOString();

describe("a stored time shown in a datetime-local input", () => {
  it.each([
    ["2026-01-15T09:00:00.000Z", "Europe/Berlin", "2026-01-15T10:00"],
    ["2026-07-15T08:00:00.000Z", "Europe/Berlin", "2026-07-15T10:00"],
    ["2026-01-15T23:00:00.000Z", "Europe/Berlin", "2026-01-16T00:00"],
    ["2026-03-29T01:30:00.000Z", "Europe/Berlin", "2026-03-29T03:30"],
    ["2026-03-10T14:00:05.000Z", "America/New_York", "2026-03-10T10:00:05"],
    ["2026-07-15T14:00:30.123Z", "America/New_York", "2026-07-15T10:00:30.123"],
    ["2026-10-25T00:30:00.000Z", "Europe/Berlin", "2026-10-25T02:30"],
  ])("shows %s in %s as %s, which the server reads back as the same instant", (iso, timeZone, shown) => {
    expect(localInputValue(new Date(iso), timeZone)).toBe(shown);
    expect(readBack(shown, timeZone)).toBe(iso);
  });

  it("reads the later of a time that happens twice back as the first: the input has no offset to tell them apart", () => {
    expect(localInputValue(new Date("2026-10-25T01:30:00Z"), "Europe/Berlin")).toBe("2026-10-25T02:30");
    expect(readBack("2026-10-25T02:30", "Europe/Berlin")).toBe("2026-10-25T00:30:00.000Z");
  });
});
