import { describe, expect, it } from "vitest";
import { overrideSchema, rotationSchema } from "./schema";

const issues = (result: { error?: { issues: { path: PropertyKey[]; message: string }[] } }) => result.error?.issues.map((i) => [i.path.join("."), i.message]);
const override = { team: "ops", userId: "ana", startsAt: "2026-03-28T18:00", endsAt: "2026-03-29T06:00", timeZone: "Europe/Berlin" };

describe("the on-call override form", () => {
  it("reads each end with the offset of its own date: an override across the spring change starts in winter and ends in summer", () => {
    expect(overrideSchema.parse(override)).toMatchObject({ startsAt: new Date("2026-03-28T17:00:00Z"), endsAt: new Date("2026-03-29T04:00:00Z") });
  });

  it("refuses a time not on the calendar, naming the field, rather than reading it as a day in the next month", () => {
    expect(issues(overrideSchema.safeParse({ ...override, endsAt: "2026-04-31T06:00" }))).toEqual([["endsAt", "is not a date and time on the calendar"]]);
    expect(issues(overrideSchema.safeParse({ ...override, startsAt: "" }))).toEqual([["startsAt", "is required"]]);
  });

  it("refuses an override that ends before it starts", () => {
    expect(issues(overrideSchema.safeParse({ ...override, endsAt: override.startsAt }))).toEqual([["endsAt", "must be after the start"]]);
  });
});

describe("the rotation form", () => {
  const rotation = { team: "ops", shiftHours: "24", handoverTime: "09:00", timeZone: "Europe/Berlin", startsOn: "2026-03-23" };

  it("refuses a bad shift length, hand-over time, time zone or start date, naming the field", () => {
    expect(rotationSchema.safeParse(rotation).success).toBe(true);
    expect(issues(rotationSchema.safeParse({ ...rotation, shiftHours: "5" }))).toEqual([["shiftHours", "must divide a day (1, 2, 3, 4, 6, 8 or 12 hours) or be whole days up to 28 (24, 48, … 672)"]]);
    expect(issues(rotationSchema.safeParse({ ...rotation, handoverTime: "24:00" }))).toEqual([["handoverTime", "must be a time of day, HH:MM (24-hour)"]]);
    expect(issues(rotationSchema.safeParse({ ...rotation, timeZone: "Europe/Berln" }))).toEqual([["timeZone", "must be an IANA time zone, e.g. Europe/Berlin"]]);
    expect(issues(rotationSchema.safeParse({ ...rotation, startsOn: "2026-02-30" }))).toEqual([["startsOn", "is not a date on the calendar"]]);
  });
});
