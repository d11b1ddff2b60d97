import type { Database } from "@/db/database";
import type { ChangeRequest } from "@/db/schema";
import { recordAudit } from "@/db/queries/audit";
import { insertChange } from "@/db/queries/changes";
import type { Actor } from "@/lib/auth/actor";
import type { ChangeCreate } from "@/lib/changes/schema";
import { ensureService } from "@/lib/services/services";
import { insertEvent } from "@/db/queries/timeline";
import { changeEvent } from "@/lib/timeline/events";
import { statusOnSubmit } from "./policy";

/** Files a change request (POST /api/v1/changes and the UI form), with the status its type gives it (the schema has checked the rules of its type). */
export async function submitChange(db: Database, actor: Actor, source: string, input: ChangeCreate, options: { draft?: boolean } = {}): Promise<ChangeRequest> {
  return db.transaction(async (tx) => {
    const now = new Date();
    const { status, awaitingRetroactiveApproval } = options.draft ? { status: "draft" as const, awaitingRetroactiveApproval: false } : statusOnSubmit(input);
    const serviceId = await ensureService(tx, actor, input.service);
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
      requesterId: actor.type === "user" ? actor.id : null,
      source,
      submittedAt: options.draft ? null : now,
      decidedAt: status === "approved" ? now : null,
      createdAt: now,
      updatedAt: now,
    });
    await recordAudit(tx, actor, { action: options.draft ? "change.draft" : "change.submit", entityType: "change_request", entityId: change.id, after: change });
    if (!options.draft) await insertEvent(tx, changeEvent(change, "submitted", now));
    if (change.status === "approved") await insertEvent(tx, changeEvent(change, "approved", now));
    return change;
  });
}
