import type { Database, Queryable } from "@/db/database";
import type { ChangeRequest } from "@/db/schema";
import { recordAudit } from "@/db/queries/audit";
import { insertChange } from "@/db/queries/changes";
import { findTokenCreator } from "@/db/queries/tokens";
import type { Actor } from "@/lib/auth/actor";
import type { ChangeApiCreate } from "@/lib/changes/schema";
import { ensureService } from "@/lib/services/services";
import { insertEvent } from "@/db/queries/timeline";
import { changeEvent } from "@/lib/timeline/events";
import { emailApprovers, emitEvent } from "@/lib/notifications/emit";
import { changeNotification } from "@/lib/notifications/events";
import { statusOnSubmit } from "./policy";
import { templateFor } from "./catalog";
import { findServiceBySlug } from "@/db/queries/services";
import { activePerson } from "@/lib/users/people";

/**
 * Who asks for a change, so that they can never approve it: the person signed in, or for a token the
 * user its `requester` names (an active one), else the user who created the token (none when the
 * command line did).
 */
async function requesterOf(q: Queryable, actor: Actor, email: string | undefined): Promise<string | null> {
  if (email !== undefined) return (await activePerson(q, "requester", { email })).id;
  if (actor.type === "user") return actor.id;
  if (actor.type === "token") return findTokenCreator(q, Number(actor.id));
  return null;
}

/** Files a change request (POST /api/v1/changes and the UI form), with the status its type gives it (the schema has checked the rules of its type, templateFor a standard change's template). */
export async function submitChange(db: Database, actor: Actor, source: string, input: ChangeApiCreate, options: { draft?: boolean } = {}): Promise<ChangeRequest> {
  return db.transaction(async (tx) => {
    const now = new Date();
    const { status, awaitingRetroactiveApproval } = options.draft ? { status: "draft" as const, awaitingRetroactiveApproval: false } : statusOnSubmit(input);
    const requesterId = await requesterOf(tx, actor, input.requester);
    const serviceId = await ensureService(tx, actor, input.service);
    const team = (await findServiceBySlug(tx, input.service))?.team ?? null;
    const template = await templateFor(tx, { type: input.type, serviceId, risk: input.risk, service: input.service, team }, input.template);
    const change = await insertChange(tx, {
      serviceId,
      title: input.title,
      description: input.description ?? null,
      rollbackPlan: input.rollbackPlan ?? null,
      type: input.type,
      risk: input.risk,
      status,
      awaitingRetroactiveApproval,
      plannedStart: input.plannedStart ?? null,
      plannedEnd: input.plannedEnd ?? null,
      templateId: template?.id ?? null,
      requesterId,
      source,
      submittedAt: options.draft ? null : now,
      decidedAt: status === "approved" ? now : null,
      createdAt: now,
      updatedAt: now,
    });
    await recordAudit(tx, actor, { action: options.draft ? "change.draft" : "change.submit", entityType: "change_request", entityId: change.id, after: change });
    if (!options.draft) await insertEvent(tx, changeEvent(change, "submitted", now));
    if (change.status === "approved") await insertEvent(tx, changeEvent(change, "approved", now));
    if (!options.draft) await emitEvent(tx, changeNotification("change.submitted", change));
    await emailApprovers(tx, change);
    return change;
  });
}
