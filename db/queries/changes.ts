import type { DbOrTx } from "../client";
import { and, asc, eq, getTableColumns, gt, isNull, ne, notInArray, or } from "drizzle-orm";
import { changeApprovals, changeRequests, freezeWindows, services, user, type ChangeRequest, type FreezeWindow, type NewChangeRequest } from "../schema";

export function insertChange(db: DbOrTx, values: NewChangeRequest): ChangeRequest {
  return db.insert(changeRequests).values(values).returning().get();
}

export function findChange(db: DbOrTx, id: number): ChangeRequest | undefined {
  return db.select().from(changeRequests).where(eq(changeRequests.id, id)).get();
}

export function listApprovals(db: DbOrTx, changeId: number) {
  return db
    .select({ id: changeApprovals.id, approverId: changeApprovals.approverId, decision: changeApprovals.decision, comment: changeApprovals.comment, createdAt: changeApprovals.createdAt, approver: user.name })
    .from(changeApprovals)
    .innerJoin(user, eq(user.id, changeApprovals.approverId))
    .where(eq(changeApprovals.changeId, changeId))
    .orderBy(changeApprovals.createdAt)
    .all();
}

export function listDecisions(db: DbOrTx, changeId: number): { approverId: string; decision: "approved" | "rejected" }[] {
  return db.select({ approverId: changeApprovals.approverId, decision: changeApprovals.decision }).from(changeApprovals).where(eq(changeApprovals.changeId, changeId)).all();
}

export function insertDecision(db: DbOrTx, values: typeof changeApprovals.$inferInsert): void {
  db.insert(changeApprovals).values(values).run();
}

export function updateChange(db: DbOrTx, id: number, values: Partial<NewChangeRequest>): ChangeRequest {
  return db.update(changeRequests).set(values).where(eq(changeRequests.id, id)).returning().get();
}

/** Freeze windows that have not ended yet (the only ones that can block an approval). */
export function listCurrentFreezes(db: DbOrTx, now = new Date()): (FreezeWindow & { serviceName: string | null })[] {
  return db
    .select({ ...getTableColumns(freezeWindows), serviceName: services.name })
    .from(freezeWindows)
    .leftJoin(services, eq(services.id, freezeWindows.serviceId))
    .where(gt(freezeWindows.endsAt, now))
    .orderBy(asc(freezeWindows.startsAt))
    .all();
}

export function insertFreeze(db: DbOrTx, values: typeof freezeWindows.$inferInsert): FreezeWindow {
  return db.insert(freezeWindows).values(values).returning().get();
}

export function deleteFreeze(db: DbOrTx, id: number): FreezeWindow | undefined {
  return db.delete(freezeWindows).where(eq(freezeWindows.id, id)).returning().get();
}

/** Changes waiting for this approver: pending (or emergency awaiting retroactive approval), not theirs, not yet decided by them. */
export function changesAwaiting(db: DbOrTx, approverId: string) {
  const decided = db.select({ id: changeApprovals.changeId }).from(changeApprovals).where(eq(changeApprovals.approverId, approverId));
  return db
    .select({ id: changeRequests.id })
    .from(changeRequests)
    .where(
      and(
        or(eq(changeRequests.status, "pending_approval"), eq(changeRequests.awaitingRetroactiveApproval, true)),
        or(isNull(changeRequests.requesterId), ne(changeRequests.requesterId, approverId)),
        notInArray(changeRequests.id, decided),
        notInArray(changeRequests.status, ["rejected", "cancelled"]),
      ),
    )
    .all()
    .map((r) => r.id);
}
