import type { DbOrTx } from "../client";
import { eq } from "drizzle-orm";
import { changeApprovals, changeRequests, user, type ChangeRequest, type NewChangeRequest } from "../schema";

export function insertChange(db: DbOrTx, values: NewChangeRequest): ChangeRequest {
  return db.insert(changeRequests).values(values).returning().get();
}

export function findChange(db: DbOrTx, id: number): ChangeRequest | undefined {
  return db.select().from(changeRequests).where(eq(changeRequests.id, id)).get();
}

export function listApprovals(db: DbOrTx, changeId: number) {
  return db
    .select({ id: changeApprovals.id, decision: changeApprovals.decision, comment: changeApprovals.comment, createdAt: changeApprovals.createdAt, approver: user.name })
    .from(changeApprovals)
    .innerJoin(user, eq(user.id, changeApprovals.approverId))
    .where(eq(changeApprovals.changeId, changeId))
    .orderBy(changeApprovals.createdAt)
    .all();
}
