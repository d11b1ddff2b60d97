import type { Queryable } from "../database";
import { and, asc, eq, getTableColumns, gt, isNull, lte, ne, notInArray, or } from "drizzle-orm";
import { changeApprovals, changeRequests, changeTemplates, freezeWindows, gateDecisions, services, user, type ChangeRequest, type ChangeTemplate, type FreezeWindow, type GateDecision, type NewChangeRequest } from "../schema";

export async function insertChange(q: Queryable, values: NewChangeRequest): Promise<ChangeRequest> {
  return (await q.insert(changeRequests).values(values).returning())[0]!;
}

export async function findChange(q: Queryable, id: number): Promise<ChangeRequest | undefined> {
  return (await q.select().from(changeRequests).where(eq(changeRequests.id, id)).limit(1))[0];
}

export async function listApprovals(q: Queryable, changeId: number) {
  return q
    .select({ id: changeApprovals.id, approverId: changeApprovals.approverId, decision: changeApprovals.decision, comment: changeApprovals.comment, createdAt: changeApprovals.createdAt, approver: user.name })
    .from(changeApprovals)
    .innerJoin(user, eq(user.id, changeApprovals.approverId))
    .where(eq(changeApprovals.changeId, changeId))
    .orderBy(changeApprovals.createdAt);
}

export async function listDecisions(q: Queryable, changeId: number): Promise<{ approverId: string; decision: "approved" | "rejected" }[]> {
  return q.select({ approverId: changeApprovals.approverId, decision: changeApprovals.decision }).from(changeApprovals).where(eq(changeApprovals.changeId, changeId));
}

export async function insertDecision(q: Queryable, values: typeof changeApprovals.$inferInsert): Promise<void> {
  await q.insert(changeApprovals).values(values);
}

export async function updateChange(q: Queryable, id: number, values: Partial<NewChangeRequest>): Promise<ChangeRequest> {
  return (await q.update(changeRequests).set(values).where(eq(changeRequests.id, id)).returning())[0]!;
}

/** Freeze windows that have not ended yet (the only ones that can block an approval). */
export async function listCurrentFreezes(q: Queryable, now = new Date()): Promise<(FreezeWindow & { serviceName: string | null })[]> {
  return q
    .select({ ...getTableColumns(freezeWindows), serviceName: services.name })
    .from(freezeWindows)
    .leftJoin(services, eq(services.id, freezeWindows.serviceId))
    .where(gt(freezeWindows.endsAt, now))
    .orderBy(asc(freezeWindows.startsAt));
}

/** Freeze windows in force at some moment of [from, to]. */
export async function listFreezesBetween(q: Queryable, from: Date, to: Date): Promise<FreezeWindow[]> {
  return q
    .select()
    .from(freezeWindows)
    .where(and(lte(freezeWindows.startsAt, to), gt(freezeWindows.endsAt, from)))
    .orderBy(asc(freezeWindows.startsAt));
}

export async function insertFreeze(q: Queryable, values: typeof freezeWindows.$inferInsert): Promise<FreezeWindow> {
  return (await q.insert(freezeWindows).values(values).returning())[0]!;
}

export async function deleteFreeze(q: Queryable, id: number): Promise<FreezeWindow | undefined> {
  return (await q.delete(freezeWindows).where(eq(freezeWindows.id, id)).returning())[0];
}

/** Changes waiting for this approver: pending (or emergency awaiting retroactive approval), not theirs, not yet decided by them. */
export async function changesAwaiting(q: Queryable, approverId: string): Promise<number[]> {
  const decided = q.select({ id: changeApprovals.changeId }).from(changeApprovals).where(eq(changeApprovals.approverId, approverId));
  const rows = await q
    .select({ id: changeRequests.id })
    .from(changeRequests)
    .where(
      and(
        or(eq(changeRequests.status, "pending_approval"), eq(changeRequests.awaitingRetroactiveApproval, true)),
        or(isNull(changeRequests.requesterId), ne(changeRequests.requesterId, approverId)),
        notInArray(changeRequests.id, decided),
        notInArray(changeRequests.status, ["rejected", "cancelled"]),
      ),
    );
  return rows.map((r) => r.id);
}

export async function insertGateDecision(q: Queryable, values: typeof gateDecisions.$inferInsert): Promise<GateDecision> {
  return (await q.insert(gateDecisions).values(values).returning())[0]!;
}

export async function insertTemplate(q: Queryable, values: typeof changeTemplates.$inferInsert): Promise<ChangeTemplate> {
  return (await q.insert(changeTemplates).values(values).returning())[0]!;
}

/** A catalog entry by id, or by its title (which is unique). */
export async function findTemplate(q: Queryable, ref: number | string): Promise<ChangeTemplate | undefined> {
  return (await q.select().from(changeTemplates).where(typeof ref === "number" ? eq(changeTemplates.id, ref) : eq(changeTemplates.title, ref)).limit(1))[0];
}

/** The standard change catalog, by title, with the service each entry covers. */
export async function listTemplates(q: Queryable) {
  return q
    .select({ ...getTableColumns(changeTemplates), serviceSlug: services.slug, serviceName: services.name })
    .from(changeTemplates)
    .leftJoin(services, eq(services.id, changeTemplates.serviceId))
    .orderBy(asc(changeTemplates.title));
}

export async function deleteTemplate(q: Queryable, id: number): Promise<ChangeTemplate | undefined> {
  return (await q.delete(changeTemplates).where(eq(changeTemplates.id, id)).returning())[0];
}
