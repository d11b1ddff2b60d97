import { describe, expect, it } from "vitest";
import { recordDeploymentFormSchema } from "./forms";

const issues = (result: { error?: { issues: { path: PropertyKey[]; message: string }[] } }) => result.error?.issues.map((i) => [i.path.join("."), i.message]);
const deployment = { service: "checkout", status: "success", startedAt: "2026-10-25T02:30", finishedAt: "2026-10-25T02:45", sha: "abcdef1", timeZone: "Europe/Berlin" };

describe("the record-a-deployment form", () => {
  it("reads its times in the form's zone; one that happens twice when clocks fall back is the first", () => {
    expect(recordDeploymentFormSchema.parse(deployment)).toMatchObject({ startedAt: new Date("2026-10-25T00:30:00Z"), finishedAt: new Date("2026-10-25T00:45:00Z") });
  });

  it("refuses a time not on the calendar, naming the field rather than the API's timestamp format", () => {
    expect(issues(recordDeploymentFormSchema.safeParse({ ...deployment, finishedAt: "2026-02-29T10:00" }))).toEqual([["finishedAt", "is not a date and time on the calendar"]]);
    expect(issues(recordDeploymentFormSchema.safeParse({ ...deployment, timeZone: "GMT+25" }))).toEqual([["timeZone", "must be an IANA time zone, e.g. Europe/Berlin"]]);
  });
});
