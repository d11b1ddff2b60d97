import { describe, expect, it } from "vitest";
import { fileChangeFormSchema, freezeFormSchema } from "./forms";

const issues = (result: { error?: { issues: { path: PropertyKey[]; message: string }[] } }) => result.error?.issues.map((i) => [i.path.join("."), i.message]);
const change = { title: "Rotate", service: "edge", type: "normal", risk: "low", plannedStart: "2026-12-01T10:00", plannedEnd: "2026-12-01T12:00", timeZone: "America/New_York" };
const freeze = { name: "X", startsAt: "2026-12-01T00:00", endsAt: "2026-12-02T00:00", timeZone: "Europe/Berlin" };

describe("change forms", () => {
  it("turns local times into the API's ISO times and applies the API's rules", () => {
    const ok = fileChangeFormSchema.parse(change);
    expect(ok.change.plannedStart).toEqual(new Date("2026-12-01T15:00:00Z"));
    expect(ok.intent).toBe("submit");
    const bad = fileChangeFormSchema.safeParse({ ...change, title: "", plannedEnd: "" });
    expect(issues(bad)).toEqual([
      ["change.title", "is required"],
      ["change.plannedEnd", "is required for normal changes"],
    ]);
  });

  it("reads each time with the offset of its own date in the form's zone", () => {
    const window = { plannedStart: "2026-07-01T10:00", plannedEnd: "2026-12-01T10:00", timeZone: "Europe/Berlin" };
    const { plannedStart, plannedEnd } = fileChangeFormSchema.parse({ ...change, ...window }).change;
    expect([plannedStart, plannedEnd]).toEqual([new Date("2026-07-01T08:00:00Z"), new Date("2026-12-01T09:00:00Z")]);
    const freezeWindow = freezeFormSchema.parse({ ...freeze, startsAt: "2026-03-29T02:30", endsAt: "2026-10-25T02:30" });
    expect([freezeWindow.startsAt, freezeWindow.endsAt]).toEqual([new Date("2026-03-29T01:30:00Z"), new Date("2026-10-25T00:30:00Z")]);
  });

  it("refuses a time not on the calendar, a zone nobody knows, or none, naming the field rather than the API's timestamp format", () => {
    expect(issues(fileChangeFormSchema.safeParse({ ...change, plannedStart: "2030-02-30T10:00" }))).toEqual([["plannedStart", "is not a date and time on the calendar"]]);
    expect(issues(fileChangeFormSchema.safeParse({ ...change, plannedEnd: "2026-01-01T99:99" }))).toEqual([["plannedEnd", "is not a date and time on the calendar"]]);
    expect(issues(fileChangeFormSchema.safeParse({ ...change, plannedEnd: "tomorrow" }))).toEqual([["plannedEnd", "must be a date and time"]]);
    expect(issues(fileChangeFormSchema.safeParse({ ...change, timeZone: "Europe/Berln" }))).toEqual([["timeZone", "must be an IANA time zone, e.g. Europe/Berlin"]]);
    expect(issues(fileChangeFormSchema.safeParse({ ...change, timeZone: undefined }))).toEqual([["timeZone", "is required"]]);
  });

  it("checks a freeze window's order, and names a start not on the calendar as such", () => {
    expect(issues(freezeFormSchema.safeParse({ ...freeze, startsAt: "2026-12-02T00:00", endsAt: "2026-12-01T00:00" }))).toEqual([["endsAt", "must be after the start"]]);
    expect(issues(freezeFormSchema.safeParse({ ...freeze, startsAt: "2026-11-31T00:00" }))).toEqual([["startsAt", "is not a date and time on the calendar"]]);
    expect(issues(freezeFormSchema.safeParse({ ...freeze, endsAt: "" }))).toEqual([["endsAt", "is required"]]);
  });
});
