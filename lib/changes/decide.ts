import type { Db } from "@/db/client";
import type { ChangeRequest } from "@/db/schema";
import { recordAudit } from "@/db/queries/audit";
import { findChange, insertDecision, listCurrentFreezes, listDecisions, updateChange } from "@/db/queries/changes";
import { insertEvent } from "@/db/queries/timeline";
import type { UserActor } from "@/lib/auth/actor";
import { AppError, notFound } from "@/lib/errors";
import { changeEvent } from "@/lib/timeline/events";
import { decide, PolicyError } from "./policy";

/**
 * An approver approves or rejects a change, with a comment. Transactions are IMMEDIATE (db/client.ts),
 * so two approvers deciding at the same moment are applied one after the other against the same rules.
 */
export function decideChange(db: Db, actor: UserActor, changeId: number, decision: "approved" | "rejected", comment: string): ChangeRequest {
  return db.transaction((tx) => {
    const change = findChange(tx, changeId);
    if (!change) throw notFound(`Change request ${changeId}`);
    let outcome;
    try {
      outcome = decide(change, listDecisions(tx, changeId), { approverId: actor.id, decision }, listCurrentFreezes(tx));
    } catch (e) {
      if (e instanceof PolicyError) throw new AppError("conflict", e.message);
      throw e;
    }
    const now = new Date();
    insertDecision(tx, { changeId, approverId: actor.id, decision, comment, createdAt: now });
    const after = updateChange(tx, changeId, {
      status: outcome.status,
      awaitingRetroactiveApproval: outcome.awaitingRetroactiveApproval,
      decidedAt: outcome.status !== change.status || outcome.awaitingRetroactiveApproval !== change.awaitingRetroactiveApproval ? now : change.decidedAt,
      updatedAt: now,
    });
    recordAudit(tx, actor, { action: `change.${decision === "approved" ? "approve" : "reject"}`, entityType: "change_request", entityId: changeId, before: change, after: { ...after, comment } });
    if (after.status !== change.status || (change.awaitingRetroactiveApproval && !after.awaitingRetroactiveApproval)) insertEvent(tx, changeEvent(after, decision, now));
    return after;
  });
}
