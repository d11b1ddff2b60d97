import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, changeApprovals, services, timelineEvents, user } from "@/db/schema";
import { findChange, insertFreeze } from "@/db/queries/changes";
import { memoryDb } from "@/db/test/temp-db";
import type { UserActor } from "@/lib/auth/actor";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { recordDeployments } from "@/lib/ingest/deployments";
import { changeCreateSchema, deploymentInputSchema } from "@/lib/ingest/schema";
import { upsertService } from "@/lib/services/services";
import { decideChange } from "./decide";
import { cancelChange, submitDraft } from "./lifecycle";
import { setClock } from "@/lib/testing/clock";
import { submitChange } from "./submit";

function world() {
  // Before the planned window (1 Dec) and the freeze (30 Nov - 2 Dec), which must lie ahead.
  setClock("2026-11-25T09:00:00Z");
  const { db } = memoryDb();
  const now = new Date();
  const person = (id: string, role: UserActor["role"]): UserActor => {
    db.insert(user).values({ id, name: id, email: `${id}@example.com`, role, createdAt: now, updatedAt: now }).run();
    return { type: "user", id, label: id, role };
  };
  const people = { eng: person("eng", "engineer"), a1: person("a1", "approver"), a2: person("a2", "approver"), admin: person("admin", "admin") };
  const file = (o: Record<string, unknown>, by: UserActor = people.eng) =>
    submitChange(db, by, "ui", changeCreateSchema.parse({ title: "Rotate certs", service: "edge", type: "normal", risk: "high", plannedStart: "2026-12-01T10:00:00Z", plannedEnd: "2026-12-01T12:00:00Z", ...o }));
  return { db, people, file };
}

describe("deciding change requests", () => {
  it("a high-risk change stays pending after one approval and is approved by a second approver", () => {
    const { db, people, file } = world();
    const c = file({});
    expect(decideChange(db, people.a1, c.id, "approved", "Plan is sound").status).toBe("pending_approval");
    expect(() => decideChange(db, people.a1, c.id, "approved", "again")).toThrow("You have already decided this change request.");
    expect(decideChange(db, people.a2, c.id, "approved", "OK").status).toBe("approved");
    expect(() => decideChange(db, people.admin, c.id, "approved", "late")).toThrow("This change is approved; only changes pending approval can be decided.");
    expect(db.select().from(changeApprovals).all().map((a) => [a.approverId, a.comment])).toEqual([["a1", "Plan is sound"], ["a2", "OK"]]);
    expect(db.select().from(timelineEvents).where(eq(timelineEvents.action, "approved")).all()).toHaveLength(1);
  });

  it("two approvers deciding one low-risk change at once give one consistent outcome", async () => {
    const { db, people, file } = world();
    const c = file({ risk: "low" });
    const results = await Promise.allSettled([Promise.resolve().then(() => decideChange(db, people.a1, c.id, "approved", "go")), Promise.resolve().then(() => decideChange(db, people.a2, c.id, "rejected", "no"))]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected"]);
    expect(findChange(db, c.id)!.status).toBe("approved");
    expect(db.select().from(changeApprovals).all()).toHaveLength(1);
  });

  it("refuses self-approval even for an admin, and writes nothing", () => {
    const { db, people, file } = world();
    const c = file({}, people.admin);
    const before = db.select().from(auditLog).all().length;
    expect(() => decideChange(db, people.admin, c.id, "approved", "mine")).toThrow("You cannot decide your own change request; another approver must.");
    expect(db.select().from(auditLog).all()).toHaveLength(before);
    expect(db.select().from(changeApprovals).all()).toHaveLength(0);
  });

  it("a freeze blocks approval, naming itself and when it ends; a rejection still goes through", () => {
    const { db, people, file } = world();
    const c = file({ risk: "low" });
    insertFreeze(db, { name: "Holiday freeze", serviceId: null, startsAt: new Date("2026-11-30T00:00:00Z"), endsAt: new Date("2026-12-02T00:00:00Z"), createdAt: new Date() });
    expect(() => decideChange(db, people.a1, c.id, "approved", "go")).toThrow('Approval is blocked by the freeze "Holiday freeze" until 2026-12-02 00:00 UTC: the planned window overlaps it.');
    expect(decideChange(db, people.a1, c.id, "rejected", "wait for January").status).toBe("rejected");
  });

  it("drafts are submitted and cancelled only by their requester or an admin", () => {
    const { db, people } = world();
    const draft = submitChange(db, people.eng, "ui", changeCreateSchema.parse({ title: "Std", service: "edge", type: "standard", risk: "low" }), { draft: true });
    expect(draft.status).toBe("draft");
    expect(() => submitDraft(db, people.a1, draft.id)).toThrow("Only the requester or an admin can submit this change request.");
    expect(submitDraft(db, people.eng, draft.id).status).toBe("approved");
    expect(cancelChange(db, people.admin, draft.id).status).toBe("cancelled");
    expect(() => cancelChange(db, people.eng, draft.id)).toThrow("A change that is cancelled can no longer be cancelled.");
  });
});

describe("deployments and change requests", () => {
  const deploy = (db: ReturnType<typeof world>["db"], changeRequest: number, status = "success", externalId?: string) =>
    recordDeployments(db, CLI_ACTOR, "t", [deploymentInputSchema.parse({ service: "edge", status, finishedAt: "2026-12-01T11:00:00Z", changeRequest, externalId })], false);

  it("a successful deployment implements its approved change", () => {
    const { db, people, file } = world();
    const c = file({ risk: "low" });
    decideChange(db, people.a1, c.id, "approved", "go");
    deploy(db, c.id);
    expect(findChange(db, c.id)).toMatchObject({ status: "implemented", implementedAt: new Date("2026-12-01T11:00:00Z") });
  });

  it("a deployment of an unapproved change is flagged on the timeline, or refused with 409 where the service gates deployments", () => {
    const { db, file } = world();
    const c = file({ risk: "low" });
    deploy(db, c.id, "success", "first");
    expect(db.select().from(timelineEvents).where(eq(timelineEvents.action, "policy violation")).all()).toHaveLength(1);
    expect(findChange(db, c.id)!.status).toBe("pending_approval");
    upsertService(db, CLI_ACTOR, "edge", {});
    db.update(services).set({ requireApprovedChange: true }).where(eq(services.slug, "edge")).run();
    expect(() => deploy(db, c.id, "success", "second")).toThrow(`changeRequest ${c.id} is pending approval; edge only deploys approved changes.`);
  });

  it("an emergency change can be implemented at once and stays flagged until approved afterwards", () => {
    const { db, people, file } = world();
    const c = file({ type: "emergency", plannedStart: undefined, plannedEnd: undefined });
    deploy(db, c.id);
    expect(findChange(db, c.id)).toMatchObject({ status: "implemented", awaitingRetroactiveApproval: true });
    expect(decideChange(db, people.a1, c.id, "approved", "Was the right call")).toMatchObject({ status: "implemented", awaitingRetroactiveApproval: false });
  });
});

describe("closing a change by hand", () => {
  it("marks an approved change implemented, but not a pending normal one", async () => {
    const { markChangeOutcome } = await import("./lifecycle");
    const { db, people, file } = world();
    const c = file({ risk: "low" });
    expect(() => markChangeOutcome(db, people.eng, c.id, "implemented")).toThrow("Only an approved change (or an emergency one) can be marked implemented; this one is pending approval.");
    decideChange(db, people.a1, c.id, "approved", "go");
    expect(markChangeOutcome(db, people.eng, c.id, "failed").status).toBe("failed");
  });
});
