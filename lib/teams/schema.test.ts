import { describe, expect, it } from "vitest";
import { overrideSchema } from "./schema";

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
});
