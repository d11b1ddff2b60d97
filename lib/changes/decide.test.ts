import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, changeApprovals, changeRequests, services, timelineEvents, user } from "@/db/schema";
import { changesAwaiting, findChange, insertFreeze, insertTemplate } from "@/db/queries/changes";
import { memoryDb } from "@/db/test/temp-db";
import type { UserActor } from "@/lib/auth/actor";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { recordDeployments, recordDeploymentsIn } from "@/lib/ingest/deployments";
import { deploymentInputSchema } from "@/lib/ingest/schema";
import { changeCreateSchema } from "@/lib/changes/schema";
import { upsertService } from "@/lib/services/services";
import { decideChange } from "./decide";
import { cancelChange, submitDraft } from "./lifecycle";
import { setClock } from "@/lib/testing/clock";
import { submitChange } from "./submit";

async function world() {
  // Before the planned window (1 Dec) and the freeze (30 Nov - 2 Dec), which must lie ahead.
  setClock("2026-11-25T09:00:00Z");
  const { db } = memoryDb();
  const now = new Date();
  const person = async (id: string, role: UserActor["role"]): Promise<UserActor> => {
    await db.transaction((tx) => tx.insert(user).values({ id, name: id, email: `${id}@example.com`, role, createdAt: now, updatedAt: now }));
    return { type: "user", id, label: id, role };
  };
  await upsertService(db, CLI_ACTOR, "edge", { team: "core" });
  await insertTemplate(db.read, { title: "Renew certificates", serviceId: null, team: "core", maxRisk: "low", createdAt: now });
  const people = { eng: await person("eng", "engineer"), a1: await person("a1", "approver"), a2: await person("a2", "approver"), admin: await person("admin", "admin") };
  const file = (o: Record<string, unknown>, by: UserActor = people.eng) =>
    submitChange(db, by, "ui", changeCreateSchema.parse({ title: "Rotate certs", service: "edge", type: "normal", risk: "high", plannedStart: "2026-12-01T10:00:00Z", plannedEnd: "2026-12-01T12:00:00Z", ...o }));
  return { db, people, file };
}

describe("deciding change requests", () => {
  it("a high-risk change stays pending after one approval and is approved by a second approver", async () => {
    const { db, people, file } = await world();
    const c = await file({});
    expect(await decideChange(db, people.a1, c.id, "approved", "Plan is sound")).toMatchObject({ change: { status: "pending_approval" }, notice: "approvalRecorded" });
    await expect(decideChange(db, people.a1, c.id, "approved", "again")).rejects.toThrow("You have already decided this change request.");
    expect(await decideChange(db, people.a2, c.id, "approved", "OK")).toMatchObject({ change: { status: "approved" }, notice: "approved" });
    await expect(decideChange(db, people.admin, c.id, "approved", "late")).rejects.toThrow("This change is approved; only changes pending approval can be decided.");
    expect((await db.read.select().from(changeApprovals)).map((a) => [a.approverId, a.comment])).toEqual([["a1", "Plan is sound"], ["a2", "OK"]]);
    expect(await db.read.select().from(timelineEvents).where(eq(timelineEvents.action, "approved"))).toHaveLength(1);
  });

  it("two approvers deciding one low-risk change at once give one consistent outcome", async () => {
    const { db, people, file } = await world();
    const c = await file({ risk: "low" });
    const results = await Promise.allSettled([Promise.resolve().then(() => decideChange(db, people.a1, c.id, "approved", "go")), Promise.resolve().then(() => decideChange(db, people.a2, c.id, "rejected", "no"))]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected"]);
    expect((await findChange(db.read, c.id))!.status).toBe("approved");
    expect(await db.read.select().from(changeApprovals)).toHaveLength(1);
  });

  it("refuses self-approval even for an admin, and writes nothing", async () => {
    const { db, people, file } = await world();
    const c = await file({}, people.admin);
    const before = (await db.read.select().from(auditLog)).length;
    await expect(decideChange(db, people.admin, c.id, "approved", "mine")).rejects.toThrow("You cannot decide your own change request; another approver must.");
    expect(await db.read.select().from(auditLog)).toHaveLength(before);
    expect(await db.read.select().from(changeApprovals)).toHaveLength(0);
  });

  it("a freeze blocks approval, naming itself and when it ends; a rejection still goes through", async () => {
    const { db, people, file } = await world();
    const c = await file({ risk: "low" });
    await insertFreeze(db.read, { name: "Holiday freeze", serviceId: null, startsAt: new Date("2026-11-30T00:00:00Z"), endsAt: new Date("2026-12-02T00:00:00Z"), createdAt: new Date() });
    await expect(decideChange(db, people.a1, c.id, "approved", "go")).rejects.toThrow('Approval is blocked by the freeze "Holiday freeze" until 2 Dec 2026, 00:00 UTC: the planned window overlaps it.');
    expect((await decideChange(db, people.a1, c.id, "rejected", "wait for January")).change.status).toBe("rejected");
  });

  it("drafts are submitted and cancelled only by their requester or an admin", async () => {
    const { db, people } = await world();
    const draft = await submitChange(db, people.eng, "ui", changeCreateSchema.parse({ title: "Std", service: "edge", type: "standard", risk: "low", template: "Renew certificates" }), { draft: true });
    expect(draft.status).toBe("draft");
    await expect(submitDraft(db, people.a1, draft.id)).rejects.toThrow("Only the requester or an admin can submit this change request.");
    expect((await submitDraft(db, people.eng, draft.id)).status).toBe("approved");
    expect((await cancelChange(db, people.admin, draft.id)).status).toBe("cancelled");
    await expect(cancelChange(db, people.eng, draft.id)).rejects.toThrow("A change that is cancelled can no longer be cancelled.");
  });
});

describe("standard changes", () => {
  it("name a catalog template, and a draft is held to it as the catalog stands when submitted", async () => {
    const { db, people } = await world();
    expect(changeCreateSchema.safeParse({ title: "Swap DB", service: "edge", type: "standard", risk: "low" }).error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["template", "is required for a standard change: name a template of the standard change catalog, or file a normal change"],
    ]);
    expect(changeCreateSchema.safeParse({ title: "Swap DB", service: "edge", type: "emergency", risk: "low", template: 1 }).error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["template", "is only for standard changes"]]);
    await expect(submitChange(db, people.eng, "ui", changeCreateSchema.parse({ title: "Swap DB", service: "edge", type: "standard", risk: "high", template: "Renew certificates" }))).rejects.toThrow(
      'The standard change "Renew certificates" carries at most low risk, not high; file a normal change instead.',
    );
    const draft = await submitChange(db, people.eng, "ui", changeCreateSchema.parse({ title: "Swap DB", service: "edge", type: "standard", risk: "low", template: "Renew certificates" }), { draft: true });
    await db.transaction((tx) => tx.update(changeRequests).set({ risk: "high" }).where(eq(changeRequests.id, draft.id)));
    await expect(submitDraft(db, people.eng, draft.id)).rejects.toThrow('The standard change "Renew certificates" carries at most low risk, not high; file a normal change instead.');
    expect((await findChange(db.read, draft.id))!.status).toBe("draft");
  });
});

describe("deployments and change requests", () => {
  const deploy = async (db: Awaited<ReturnType<typeof world>>["db"], changeRequest: number, status = "success", externalId?: string) =>
    recordDeployments(db, CLI_ACTOR, "t", [deploymentInputSchema.parse({ service: "edge", status, finishedAt: "2026-12-01T11:00:00Z", changeRequest, externalId })], false);

  it("a successful deployment implements its approved change", async () => {
    const { db, people, file } = await world();
    const c = await file({ risk: "low" });
    await decideChange(db, people.a1, c.id, "approved", "go");
    await deploy(db, c.id);
    expect(await findChange(db.read, c.id)).toMatchObject({ status: "implemented", implementedAt: new Date("2026-12-01T11:00:00Z") });
  });

  it("a deployment of an unapproved change is flagged on the timeline, or refused with 409 where the service gates deployments", async () => {
    const { db, file } = await world();
    const c = await file({ risk: "low" });
    await deploy(db, c.id, "success", "first");
    expect(await db.read.select().from(timelineEvents).where(eq(timelineEvents.action, "policy violation"))).toHaveLength(1);
    expect((await findChange(db.read, c.id))!.status).toBe("pending_approval");
    await upsertService(db, CLI_ACTOR, "edge", {});
    await db.transaction((tx) => tx.update(services).set({ requireChange: ["production"] }).where(eq(services.slug, "edge")));
    await expect(deploy(db, c.id, "success", "second")).rejects.toThrow(`changeRequest: edge refuses this deployment to production: change request ${c.id} is pending approval, not approved (change_not_approved).`);
  });

  it("where a service requires changes, the form refuses a deployment naming none; a webhook's is recorded and flagged", async () => {
    const { db, people } = await world();
    await upsertService(db, CLI_ACTOR, "edge", { requireChange: ["production"] });
    const input = deploymentInputSchema.parse({ service: "edge", status: "success", finishedAt: "2026-12-01T11:00:00Z" });
    await expect(recordDeployments(db, people.eng, "ui", [input], false)).rejects.toThrow(
      "changeRequest: edge refuses this deployment to production: edge deploys to production only with an approved change request, and this deployment names none (change_required).",
    );
    const [result] = await db.transaction((tx) => recordDeploymentsIn(tx, CLI_ACTOR, "integration:1", [input], false));
    expect(result!.created).toBe(true);
    const flagged = await db.read.select().from(timelineEvents).where(eq(timelineEvents.action, "policy violation"));
    expect(flagged.map((e) => [e.type, e.subjectId, e.summary])).toEqual([
      ["deployment", result!.deployment.id, `Policy violation: deployment #${result!.deployment.id} of edge: edge deploys to production only with an approved change request, and this deployment names none`],
    ]);
  });

  it("an emergency change can be implemented at once and stays flagged until approved afterwards", async () => {
    const { db, people, file } = await world();
    const c = await file({ type: "emergency", risk: "low", plannedStart: undefined, plannedEnd: undefined });
    await deploy(db, c.id);
    expect(await findChange(db.read, c.id)).toMatchObject({ status: "implemented", awaitingRetroactiveApproval: true });
    expect(await decideChange(db, people.a1, c.id, "approved", "Was the right call")).toEqual({
      change: expect.objectContaining({ status: "implemented", awaitingRetroactiveApproval: false }),
      notice: "approvedRetroactively",
    });
  });

  it("a high-risk emergency change needs two retroactive approvals, as a normal one needs two beforehand", async () => {
    const { db, people, file } = await world();
    const c = await file({ type: "emergency", risk: "high", plannedStart: undefined, plannedEnd: undefined });
    await deploy(db, c.id);
    expect(await decideChange(db, people.a1, c.id, "approved", "Right call")).toEqual({
      change: expect.objectContaining({ status: "implemented", awaitingRetroactiveApproval: true }),
      notice: "approvalRecorded",
    });
    expect((await decideChange(db, people.a2, c.id, "approved", "Agreed")).change).toMatchObject({ status: "implemented", awaitingRetroactiveApproval: false });
    expect(await db.read.select().from(timelineEvents).where(eq(timelineEvents.action, "approved"))).toHaveLength(1);
  });

  it("an emergency change rejected after it was implemented ends rejected, stays flagged, and is off the queue", async () => {
    const { db, people, file } = await world();
    const c = await file({ type: "emergency", risk: "low", plannedStart: undefined, plannedEnd: undefined });
    await deploy(db, c.id);
    expect(await decideChange(db, people.a1, c.id, "rejected", "Should have waited")).toEqual({
      change: expect.objectContaining({ status: "rejected", awaitingRetroactiveApproval: true, implementedAt: new Date("2026-12-01T11:00:00Z") }),
      notice: "rejectedRetroactively",
    });
    expect(await db.read.select().from(timelineEvents).where(eq(timelineEvents.action, "rejected"))).toHaveLength(1);
    expect(await changesAwaiting(db.read, people.a2.id)).toEqual([]);
    await expect(decideChange(db, people.a2, c.id, "approved", "overrule")).rejects.toThrow("This change is rejected; only changes pending approval can be decided.");
  });
});

describe("closing a change by hand", () => {
  it("marks an approved change implemented, but not a pending normal one", async () => {
    const { markChangeOutcome } = await import("./lifecycle");
    const { db, people, file } = await world();
    const c = await file({ risk: "low" });
    await expect(markChangeOutcome(db, people.eng, c.id, "implemented")).rejects.toThrow("Only an approved change (or an emergency one) can be marked implemented; this one is pending approval.");
    await decideChange(db, people.a1, c.id, "approved", "go");
    expect((await markChangeOutcome(db, people.eng, c.id, "failed")).status).toBe("failed");
  });
});
