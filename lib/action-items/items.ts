import type { Database, Queryable } from "@/db/database";
import { findActionItemById, insertActionItem, listActionItems, markOverdueNotified, updateActionItem, type ActionItemRow } from "@/db/queries/action-items";
import { recordAudit } from "@/db/queries/audit";
import { findIncidentById } from "@/db/queries/incidents";
import type { Actor } from "@/lib/auth/actor";
import { notFound } from "@/lib/errors";
import { responder } from "@/lib/incidents/people";
import { actionItemJson, type ActionItemJson } from "./json";
import { overdueBefore, utcDay } from "./overdue";
import type { ActionItemCreate, ActionItemPatch } from "./schema";

/* Follow-ups of incidents: created and changed by people (the postmortem and incident pages) and machines (the API), every change audited. */

async function rowOf(q: Queryable, id: number): Promise<ActionItemRow> {
  const [row] = await listActionItems(q, { ids: [id] }, 1);
  if (!row) throw notFound("actionItem", id);
  return row;
}

export async function createActionItem(db: Database, actor: Actor, incidentId: number, input: ActionItemCreate): Promise<ActionItemRow> {
  return db.transaction(async (tx) => {
    if (!(await findIncidentById(tx, incidentId))) throw notFound("incident", incidentId);
    const owner = await responder(tx, "owner", { email: input.owner });
    const now = new Date();
    const item = await insertActionItem(tx, {
      incidentId,
      title: input.title,
      ownerId: owner.id,
      dueOn: input.dueDate,
      status: input.status ?? "open",
      url: input.url ?? null,
      createdBy: actor.type === "user" ? actor.id : null,
      createdAt: now,
      updatedAt: now,
    });
    await recordAudit(tx, actor, { action: "action_item.create", entityType: "action_item", entityId: item.id, after: item });
    return rowOf(tx, item.id);
  });
}

export async function changeActionItem(db: Database, actor: Actor, id: number, patch: ActionItemPatch): Promise<ActionItemRow> {
  return db.transaction(async (tx) => {
    const before = await findActionItemById(tx, id);
    if (!before) throw notFound("actionItem", id);
    // Keeping the owner is not assigning one: an item whose owner has since been deactivated (or made a
    // viewer) can still be edited, or closed, without first finding it someone else.
    const keepsOwner = patch.owner === undefined || patch.owner === (await rowOf(tx, id)).ownerEmail;
    const ownerId = keepsOwner ? undefined : (await responder(tx, "owner", { email: patch.owner! })).id;
    const changes = { title: patch.title, ownerId, dueOn: patch.dueDate, status: patch.status, url: patch.url };
    const sent = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
    const after = await updateActionItem(tx, id, { ...sent, updatedAt: new Date() });
    await recordAudit(tx, actor, { action: "action_item.update", entityType: "action_item", entityId: id, before, after });
    return rowOf(tx, id);
  });
}

/** One incident's items as the API lists them; 404 for an incident Tandem does not know. */
export async function incidentActionItems(q: Queryable, incidentId: number, now: Date): Promise<ActionItemJson[]> {
  if (!(await findIncidentById(q, incidentId))) throw notFound("incident", incidentId);
  return (await listActionItems(q, { incidentId })).map((row) => actionItemJson(row, now));
}

/** A team's open items (its services' incidents'), earliest due first: for the team page. */
export async function teamActionItems(q: Queryable, team: string): Promise<ActionItemRow[]> {
  return listActionItems(q, { team, openOnly: true });
}

/**
 * The overdue items whose owners have not been told today, each marked as told in the same statement, so
 * an item comes back at most once per UTC day however often (and on however many servers) this runs.
 * Call it inside the transaction that writes the notices (`db.transaction(tx => …)`), so the mark and
 * the messages commit together or not at all.
 */
export async function overdueActionItemsToNotify(tx: Queryable, now: Date): Promise<ActionItemJson[]> {
  const ids = await markOverdueNotified(tx, overdueBefore(now), utcDay(now));
  if (!ids.length) return [];
  return (await listActionItems(tx, { ids })).map((row) => actionItemJson(row, now));
}
