import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, incidentUpdates } from "@/db/schema";
import { findIncidentById } from "@/db/queries/incidents";
import { scenario } from "@/db/test/scenario";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { acknowledgeIncident, addIncidentNote, correctIncidentTimes, moveIncident } from "./respond";

async function setup() {
  const s = scenario();
  const id = await s.incident({ service: "api", startedAt: new Date(Date.now() - 3_600_000).toISOString() });
  return { ...s, id };
}

describe("responding to an incident", () => {
  it("walks the state machine: the first move acknowledges, resolving stamps the time, reopening clears it", async () => {
    const { db, id } = await setup();
    const identified = await moveIncident(db, CLI_ACTOR, id, "identified", "Bad config in eu-west");
    expect(identified.status).toBe("identified");
    expect(identified.acknowledgedAt).toBeInstanceOf(Date);
    const resolved = await moveIncident(db, CLI_ACTOR, id, "resolved");
    expect(resolved.resolvedAt!.getTime()).toBeGreaterThanOrEqual(identified.acknowledgedAt!.getTime());
    await expect(moveIncident(db, CLI_ACTOR, id, "monitoring")).rejects.toThrow("Cannot move to monitoring: a resolved incident must be reopened (back to investigating) first.");
    const reopened = await moveIncident(db, CLI_ACTOR, id, "investigating");
    expect(reopened).toMatchObject({ status: "investigating", resolvedAt: null });
    expect(reopened.acknowledgedAt).toEqual(identified.acknowledgedAt);
    const notes = await db.read.select().from(incidentUpdates).where(eq(incidentUpdates.incidentId, id));
    expect(notes.filter((n) => n.kind === "note").map((n) => n.body)).toEqual(["Bad config in eu-west"]);
    expect(notes.filter((n) => n.kind === "status").map((n) => n.status)).toEqual(["identified", "resolved", "investigating"]);
  });

  it("acknowledges once", async () => {
    const { db, id } = await setup();
    await acknowledgeIncident(db, CLI_ACTOR, id);
    await expect(acknowledgeIncident(db, CLI_ACTOR, id)).rejects.toThrow("The incident is already acknowledged.");
  });

  it("corrects timestamps in order, logs the correction and audits before and after", async () => {
    const { db, id } = await setup();
    await moveIncident(db, CLI_ACTOR, id, "resolved");
    const startedAt = new Date("2026-03-10T10:00:00Z");
    await expect(correctIncidentTimes(db, CLI_ACTOR, id, { startedAt, acknowledgedAt: new Date("2026-03-10T09:00:00Z"), resolvedAt: new Date("2026-03-10T12:00:00Z") })).rejects.toThrow("acknowledgedAt: must not be before startedAt");
    const after = await correctIncidentTimes(db, CLI_ACTOR, id, { startedAt, acknowledgedAt: new Date("2026-03-10T10:05:00Z"), resolvedAt: new Date("2026-03-10T12:00:00Z") });
    expect(after.startedAt).toEqual(startedAt);
    const correction = (await db.read.select().from(incidentUpdates).where(eq(incidentUpdates.kind, "correction")).limit(1))[0]!;
    expect(correction.body).toMatch(/^Corrected startedAt from .* to 2026-03-10T10:00:00.000Z; acknowledgedAt from/);
    const audit = (await db.read.select().from(auditLog).where(eq(auditLog.action, "incident.update"))).at(-1)!;
    expect((audit.after as { startedAt: string }).startedAt).toBe("2026-03-10T10:00:00.000Z");
    expect((await findIncidentById(db.read, id))!.resolvedAt).toEqual(new Date("2026-03-10T12:00:00Z"));
  });

  it("adds notes, audited", async () => {
    const { db, id } = await setup();
    await addIncidentNote(db, CLI_ACTOR, id, "Paging the DB team");
    expect(await db.read.select().from(auditLog).where(eq(auditLog.action, "incident.note"))).toHaveLength(1);
    await expect(addIncidentNote(db, CLI_ACTOR, 9999, "x")).rejects.toThrow("Incident 9999 was not found.");
  });
});
