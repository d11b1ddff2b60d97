import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, incidentUpdates } from "@/db/schema";
import { findIncidentById } from "@/db/queries/incidents";
import { scenario } from "@/db/test/scenario";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { acknowledgeIncident, addIncidentNote, correctIncidentTimes, moveIncident } from "./respond";

function setup() {
  const s = scenario();
  const id = s.incident({ service: "api", startedAt: new Date(Date.now() - 3_600_000).toISOString() });
  return { ...s, id };
}

describe("responding to an incident", () => {
  it("walks the state machine: the first move acknowledges, resolving stamps the time, reopening clears it", () => {
    const { db, id } = setup();
    const identified = moveIncident(db, CLI_ACTOR, id, "identified", "Bad config in eu-west");
    expect(identified.status).toBe("identified");
    expect(identified.acknowledgedAt).toBeInstanceOf(Date);
    const resolved = moveIncident(db, CLI_ACTOR, id, "resolved");
    expect(resolved.resolvedAt!.getTime()).toBeGreaterThanOrEqual(identified.acknowledgedAt!.getTime());
    expect(() => moveIncident(db, CLI_ACTOR, id, "monitoring")).toThrow("Cannot move to monitoring: a resolved incident must be reopened (back to investigating) first.");
    const reopened = moveIncident(db, CLI_ACTOR, id, "investigating");
    expect(reopened).toMatchObject({ status: "investigating", resolvedAt: null });
    expect(reopened.acknowledgedAt).toEqual(identified.acknowledgedAt);
    const notes = db.select().from(incidentUpdates).where(eq(incidentUpdates.incidentId, id)).all();
    expect(notes.filter((n) => n.kind === "note").map((n) => n.body)).toEqual(["Bad config in eu-west"]);
    expect(notes.filter((n) => n.kind === "status").map((n) => n.status)).toEqual(["identified", "resolved", "investigating"]);
  });

  it("acknowledges once", () => {
    const { db, id } = setup();
    acknowledgeIncident(db, CLI_ACTOR, id);
    expect(() => acknowledgeIncident(db, CLI_ACTOR, id)).toThrow("The incident is already acknowledged.");
  });

  it("corrects timestamps in order, logs the correction and audits before and after", () => {
    const { db, id } = setup();
    moveIncident(db, CLI_ACTOR, id, "resolved");
    const startedAt = new Date("2026-03-10T10:00:00Z");
    expect(() => correctIncidentTimes(db, CLI_ACTOR, id, { startedAt, acknowledgedAt: new Date("2026-03-10T09:00:00Z"), resolvedAt: new Date("2026-03-10T12:00:00Z") })).toThrow("acknowledgedAt: must not be before startedAt");
    const after = correctIncidentTimes(db, CLI_ACTOR, id, { startedAt, acknowledgedAt: new Date("2026-03-10T10:05:00Z"), resolvedAt: new Date("2026-03-10T12:00:00Z") });
    expect(after.startedAt).toEqual(startedAt);
    const correction = db.select().from(incidentUpdates).where(eq(incidentUpdates.kind, "correction")).get()!;
    expect(correction.body).toMatch(/^Corrected startedAt from .* to 2026-03-10T10:00:00.000Z; acknowledgedAt from/);
    const audit = db.select().from(auditLog).where(eq(auditLog.action, "incident.update")).all().at(-1)!;
    expect((audit.after as { startedAt: string }).startedAt).toBe("2026-03-10T10:00:00.000Z");
    expect(findIncidentById(db, id)!.resolvedAt).toEqual(new Date("2026-03-10T12:00:00Z"));
  });

  it("adds notes, audited", () => {
    const { db, id } = setup();
    addIncidentNote(db, CLI_ACTOR, id, "Paging the DB team");
    expect(db.select().from(auditLog).where(eq(auditLog.action, "incident.note")).all()).toHaveLength(1);
    expect(() => addIncidentNote(db, CLI_ACTOR, 9999, "x")).toThrow("Incident 9999 was not found.");
  });
});
