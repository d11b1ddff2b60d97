import type { Database } from "@/db/database";
import type { ChangeRequest } from "@/db/schema";
import { recordAudit } from "@/db/queries/audit";
import { findChange, updateChange } from "@/db/queries/changes";
import { insertEvent } from "@/db/queries/timeline";
import type { UserActor } from "@/lib/auth/actor";
import { AppError, notFound } from "@/lib/errors";
import { changeEvent } from "@/lib/timeline/events";
import { emailApprovers, emitEvent } from "@/lib/notifications/emit";
import { changeNotification } from "@/lib/notifications/events";
import { canCancel, statusOnCancel, statusOnSubmit } from "./policy";
import { templateFor } from "./catalog";
import { findServiceBySlug } from "@/db/queries/services";
import { serviceSlugOf } from "@/db/queries/incidents";

function own(change: ChangeRequest | undefined, actor: UserActor, doing: string): ChangeRequest {
  if (!change) throw notFound("changeRequest");
  if (change.requesterId !== actor.id && actor.role !== "admin") throw new AppError("forbidden", `Only the requester or an admin can ${doing} this change request.`).saying(`onlyRequester.${doing}`);
  return change;
}

/** Sends a draft for approval (standard changes are approved at once). */
export async function submitDraft(db: Database, actor: UserActor, id: number): Promise<ChangeRequest> {
  return db.transaction(async (tx) => {
    const change = own(await findChange(tx, id), actor, "submit");
    if (change.status !== "draft") throw new AppError("conflict", `This change is ${change.status.replace("_", " ")}, not a draft.`).saying("notDraft", { status: change.status });
    const now = new Date();
    // The catalog may have changed since the draft was saved: a standard draft is held to its template as it is now.
    const service = await findServiceBySlug(tx, await serviceSlugOf(tx, change.serviceId));
    await templateFor(tx, { ...change, service: service!.slug, team: service!.team }, change.templateId ?? undefined, "conflict");
    const next = statusOnSubmit(change);
    const after = await updateChange(tx, id, { ...next, submittedAt: now, decidedAt: next.status === "approved" ? now : null, updatedAt: now });
    await recordAudit(tx, actor, { action: "change.submit", entityType: "change_request", entityId: id, before: change, after });
    await insertEvent(tx, changeEvent(after, "submitted", now));
    if (after.status === "approved") await insertEvent(tx, changeEvent(after, "approved", now));
    await emitEvent(tx, changeNotification("change.submitted", after));
    await emailApprovers(tx, after);
    return after;
  });
}

export async function cancelChange(db: Database, actor: UserActor, id: number): Promise<ChangeRequest> {
  return db.transaction(async (tx) => {
    const change = own(await findChange(tx, id), actor, "cancel");
    if (!canCancel(change.status)) throw new AppError("conflict", `A change that is ${change.status} can no longer be cancelled.`).saying("cannotCancel", { status: change.status });
    const now = new Date();
    const after = await updateChange(tx, id, { ...statusOnCancel(), updatedAt: now });
    await recordAudit(tx, actor, { action: "change.cancel", entityType: "change_request", entityId: id, before: change, after });
    await insertEvent(tx, changeEvent(after, "cancelled", now));
    return after;
  });
}

/** For changes carried out without a deployment Tandem saw (a configuration switch, say). */
export async function markChangeOutcome(db: Database, actor: UserActor, id: number, outcome: "implemented" | "failed"): Promise<ChangeRequest> {
  return db.transaction(async (tx) => {
    const change = own(await findChange(tx, id), actor, "close");
    const open = change.status === "approved" || (change.type === "emergency" && change.status === "pending_approval");
    if (!open) throw new AppError("conflict", `Only an approved change (or an emergency one) can be marked ${outcome}; this one is ${change.status.replace("_", " ")}.`).saying("cannotClose", { outcome, status: change.status });
    const now = new Date();
    const after = await updateChange(tx, id, { status: outcome, implementedAt: now, updatedAt: now });
    await recordAudit(tx, actor, { action: `change.${outcome}`, entityType: "change_request", entityId: id, before: change, after });
    await insertEvent(tx, changeEvent(after, outcome, now));
    return after;
  });
}
