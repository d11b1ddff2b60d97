import type { Database } from "@/db/database";
import type { ChangeRequest } from "@/db/schema";
import { recordAudit } from "@/db/queries/audit";
import { findChange, insertDecision, listCurrentFreezes, listDecisions, updateChange } from "@/db/queries/changes";
import { insertEvent } from "@/db/queries/timeline";
import type { UserActor } from "@/lib/auth/actor";
import { AppError, notFound } from "@/lib/errors";
import { changeEvent } from "@/lib/timeline/events";
import { emitEvent } from "@/lib/notifications/emit";
import { changeNotification } from "@/lib/notifications/events";
import { decide, decisionNotice, PolicyError, type DecisionNotice, type Refusal } from "./policy";

/** A refused decision: 409 with the English sentence, and the refusal for a page to word in its language. */
export class DecisionRefused extends AppError {
  constructor(readonly refusal: Refusal, message: string) {
    super("conflict", message);
  }
}

/**
 * An approver approves or rejects a change, with a comment. Writers are serialised and each transaction
 * takes the write lock before its first read (BEGIN IMMEDIATE), so two approvers deciding at the same
 * moment are applied one after the other against the same rules. Answers the change as decided and
 * what to tell the approver (a code: the page words it).
 */
export async function decideChange(db: Database, actor: UserActor, changeId: number, decision: "approved" | "rejected", comment: string): Promise<{ change: ChangeRequest; notice: DecisionNotice }> {
  return db.transaction(async (tx) => {
    const change = await findChange(tx, changeId);
    if (!change) throw notFound("changeRequest", changeId);
    const previous = await listDecisions(tx, changeId);
    const freezes = await listCurrentFreezes(tx);
    let outcome;
    try {
      outcome = decide(change, previous, { approverId: actor.id, decision }, freezes);
    } catch (e) {
      if (e instanceof PolicyError) throw new DecisionRefused(e.refusal, e.message);
      throw e;
    }
    const now = new Date();
    await insertDecision(tx, { changeId, approverId: actor.id, decision, comment, createdAt: now });
    const after = await updateChange(tx, changeId, {
      status: outcome.status,
      awaitingRetroactiveApproval: outcome.awaitingRetroactiveApproval,
      decidedAt: outcome.status !== change.status || outcome.awaitingRetroactiveApproval !== change.awaitingRetroactiveApproval ? now : change.decidedAt,
      updatedAt: now,
    });
    await recordAudit(tx, actor, { action: `change.${decision === "approved" ? "approve" : "reject"}`, entityType: "change_request", entityId: changeId, before: change, after: { ...after, comment } });
    // Decided: a new status, or an emergency change carried out before it was approved getting its approval.
    if (after.status !== change.status || (change.awaitingRetroactiveApproval && !after.awaitingRetroactiveApproval)) {
      await insertEvent(tx, changeEvent(after, decision, now));
      await emitEvent(tx, changeNotification("change.decided", after, { approvedAfterImplementation: after.status === change.status }));
    }
    return { change: after, notice: decisionNotice(change, outcome) };
  });
}
