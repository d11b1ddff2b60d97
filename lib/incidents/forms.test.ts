import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { incidentUpdates } from "@/db/schema";
import { scenario } from "@/db/test/scenario";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { correctTimesSchema, declareIncidentSchema, postmortemSchema } from "./forms";
import { recordIncident } from "./record";
import { savePostmortem } from "./respond";

const issues = (result: { error?: { issues: { path: PropertyKey[]; message: string }[] } }) => result.error?.issues.map((i) => [i.path.join("."), i.message]);
const declared = { title: "Down", service: "api", severity: "SEV2", timeZone: "Europe/Berlin" };
const times = { incidentId: "1", startedAt: "2026-03-10T10:00", acknowledgedAt: "", resolvedAt: "", timeZone: "America/New_York" };

describe("incident forms", () => {
  it("reads datetime-local values in the form's zone, with the offset of their own date; a blank start is now", () => {
    expect(declareIncidentSchema.parse({ ...declared, startedAt: "2026-03-10T12:00" }).startedAt).toEqual(new Date("2026-03-10T11:00:00Z"));
    expect(declareIncidentSchema.parse({ ...declared, startedAt: "2026-08-10T12:00" }).startedAt).toEqual(new Date("2026-08-10T10:00:00Z"));
    const now = Date.now();
    expect(declareIncidentSchema.parse(declared).startedAt.getTime()).toBeGreaterThanOrEqual(now - 1000);
    const corrected = correctTimesSchema.parse({ ...times, startedAt: "2026-03-08T01:30", acknowledgedAt: "2026-03-08T02:30", resolvedAt: "2026-11-01T01:30:15.250" });
    expect(corrected).toEqual({
      incidentId: 1,
      startedAt: new Date("2026-03-08T06:30:00Z"),
      // 02:30 did not happen that night (clocks went from 02:00 to 03:00): it is 03:30 EDT.
      acknowledgedAt: new Date("2026-03-08T07:30:00Z"),
      // 01:30 happened twice: the first, still EDT.
      resolvedAt: new Date("2026-11-01T05:30:15.250Z"),
    });
  });

  it("names bad fields", () => {
    expect(issues(declareIncidentSchema.safeParse({ ...declared, title: "", service: "API!", severity: "P1" }))!.map(([path]) => path)).toEqual(["title", "service", "severity"]);
    expect(issues(correctTimesSchema.safeParse({ ...times, startedAt: "", acknowledgedAt: "bad" }))).toEqual([
      ["startedAt", "is required"],
      ["acknowledgedAt", "must be a date and time"],
    ]);
  });

  it("refuses a time not on the calendar, naming the field rather than the API's timestamp format, and a zone nobody knows", () => {
    expect(issues(declareIncidentSchema.safeParse({ ...declared, startedAt: "2030-02-30T10:00" }))).toEqual([["startedAt", "is not a date and time on the calendar"]]);
    expect(issues(declareIncidentSchema.safeParse({ ...declared, timeZone: "Mars/Olympus_Mons" }))).toEqual([["timeZone", "must be an IANA time zone, e.g. Europe/Berlin"]]);
    expect(issues(correctTimesSchema.safeParse({ ...times, resolvedAt: "2026-01-01T24:00" }))).toEqual([["resolvedAt", "is not a date and time on the calendar"]]);
    expect(issues(correctTimesSchema.safeParse({ ...times, acknowledgedAt: "2026-03-10T10:60" }))).toEqual([["acknowledgedAt", "is not a date and time on the calendar"]]);
  });
});

describe("the postmortem form", () => {
  it("takes one of only blanks as no postmortem: nothing kept, nothing logged as written", async () => {
    const s = scenario();
    const { incident } = await recordIncident(s.db, CLI_ACTOR, "test", { title: "Down", service: "api", severity: "SEV2", startedAt: new Date("2026-11-20T14:00:00Z") });
    const save = (postmortem: string) => {
      const form = postmortemSchema.parse({ incidentId: String(incident.id), postmortem });
      return savePostmortem(s.db, CLI_ACTOR, form.incidentId, form.postmortem);
    };
    expect((await save(" \n\t \n")).postmortem).toBeNull();
    expect((await save("\n## What happened\n\n")).postmortem).toBe("## What happened");
    expect((await save("   ")).postmortem).toBeNull();
    const logged = await s.db.read.select().from(incidentUpdates).where(eq(incidentUpdates.incidentId, incident.id));
    expect(logged.filter((u) => u.kind === "postmortem")).toHaveLength(1);
  });
});
