import { and, asc, eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { auditLog, incidentUpdates, timelineEvents, user, type Incident, type IncidentStatus } from "@/db/schema";
import { findIncidentById } from "@/db/queries/incidents";
import { contend } from "@/lib/testing/contend";
import type { Operation } from "@/lib/testing/contender";
import { scenario } from "@/db/test/scenario";
import { freshDatabase } from "@/db/test/engine";
import type { UserActor } from "@/lib/auth/actor";
import { INCIDENT_FLOW } from "./state-machine";

const closes: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closes.splice(0)) await close();
});

const CONTENDERS = 6;
const INCIDENTS = 15;

describe("incident transitions from many processes at once", () => {
  it("apply one after the other: every accepted move audited once, in an unbroken chain, refused ones not applied", async () => {
    const { url, db, close } = await freshDatabase();
    closes.push(close);
    const s = scenario(db);
    const ids: number[] = [];
    for (let i = 0; i < INCIDENTS; i++) ids.push(await s.incident({ service: "api", startedAt: new Date(Date.now() - 3_600_000).toISOString() }));
    const now = new Date();
    const actors: UserActor[] = [];
    for (let w = 0; w < CONTENDERS; w++) {
      await db.transaction((tx) => tx.insert(user).values({ id: `eng${w}`, name: `eng${w}`, email: `eng${w}@example.com`, role: "engineer", createdAt: now, updatedAt: now }));
      actors.push({ type: "user", id: `eng${w}`, label: `eng${w}`, role: "engineer" });
    }
    // Every contender works through the same incidents in the same order, so they collide on each.
    const contenders = actors.map((actor, w) => ({
      actor,
      operations: [0, 1, 2].flatMap((round) => ids.map((incidentId, i): Operation => ({ kind: "move", incidentId, to: INCIDENT_FLOW[(w + i + round) % INCIDENT_FLOW.length]! }))),
    }));
    const outcomes = await contend(url, contenders);

    const failures = outcomes.flat().filter((o) => !o.ok);
    expect(failures.filter((f) => f.code !== "conflict")).toEqual([]);
    expect(failures.length).toBeGreaterThan(0);
    for (const [index, incidentId] of ids.entries()) {
      const accepted = outcomes.reduce((n, list) => n + list.filter((o, k) => o.ok && k % INCIDENTS === index).length, 0);
      const audits = await db.read.select().from(auditLog).where(and(eq(auditLog.action, "incident.update"), eq(auditLog.entityId, String(incidentId)))).orderBy(asc(auditLog.id));
      expect(audits).toHaveLength(accepted);
      // No lost update: each accepted move starts from the state the previous one left.
      let status: IncidentStatus = "investigating";
      for (const entry of audits) {
        expect((entry.before as Incident).status).toBe(status);
        status = (entry.after as Incident).status;
      }
      expect((await findIncidentById(db.read, incidentId))!.status).toBe(status);
      expect(await db.read.select().from(incidentUpdates).where(and(eq(incidentUpdates.incidentId, incidentId), eq(incidentUpdates.kind, "status")))).toHaveLength(accepted);
      // Each accepted move is one status event; the first move also acknowledges, once.
      const events = await db.read.select().from(timelineEvents).where(and(eq(timelineEvents.type, "incident"), eq(timelineEvents.subjectId, incidentId)));
      expect(events.filter((e) => e.action !== "acknowledged")).toHaveLength(accepted);
      expect(events.filter((e) => e.action === "acknowledged")).toHaveLength(accepted > 0 ? 1 : 0);
    }
  }, 60_000);
});
