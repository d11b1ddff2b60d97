import { describe, expect, it } from "vitest";
import { correctTimesSchema, declareIncidentSchema } from "./forms";

describe("incident forms", () => {
  it("reads datetime-local values in the form's zone", () => {
    const parsed = declareIncidentSchema.parse({ title: "Down", service: "api", severity: "SEV2", startedAt: "2026-03-10T12:00", tzOffset: "-120" });
    expect(parsed.startedAt).toEqual(new Date("2026-03-10T10:00:00Z"));
    const now = Date.now();
    expect(declareIncidentSchema.parse({ title: "Down", service: "api", severity: "SEV2" }).startedAt.getTime()).toBeGreaterThanOrEqual(now - 1000);
  });
  it("names bad fields", () => {
    const r = declareIncidentSchema.safeParse({ title: "", service: "API!", severity: "P1", startedAt: "soon" });
    expect(r.error!.issues.map((i) => i.path[0])).toEqual(["title", "service", "severity", "startedAt"]);
    const t = correctTimesSchema.safeParse({ incidentId: "1", startedAt: "", acknowledgedAt: "bad" });
    expect(t.error!.issues).toEqual([expect.objectContaining({ path: ["startedAt"], message: "is required" })]);
    const u = correctTimesSchema.safeParse({ incidentId: "1", startedAt: "2026-03-10T10:00", acknowledgedAt: "bad" });
    expect(u.error!.issues).toEqual([expect.objectContaining({ path: ["acknowledgedAt"], message: "must be a date and time" })]);
  });
});
