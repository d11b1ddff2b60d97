import type { Db, DbOrTx } from "@/db/client";
import type { Incident, IncidentStatus } from "@/db/schema";
import { recordAudit } from "@/db/queries/audit";
import { findIncidentById, insertIncidentUpdate } from "@/db/queries/incidents";
import type { Actor } from "@/lib/auth/actor";
import { AppError, notFound } from "@/lib/errors";
import { applyChanges } from "./record";
import { transitionProblem } from "./state-machine";

/* What responders do to an incident from the app: every change audited and kept in order. */

function load(db: DbOrTx, id: number): Incident {
  const incident = findIncidentById(db, id);
  if (!incident) throw notFound(`Incident ${id}`);
  return incident;
}

const authorOf = (actor: Actor) => (actor.type === "user" ? actor.id : null);

/** Moves an incident along its state machine; the first move acknowledges it, resolving stamps the time. */
export function moveIncident(db: Db, actor: Actor, id: number, to: IncidentStatus, note?: string): Incident {
  return db.transaction((tx) => {
    const before = load(tx, id);
    const problem = transitionProblem(before.status, to);
    if (problem) throw new AppError("conflict", `Cannot move to ${to}: ${problem}.`, { status: problem });
    const now = new Date();
    const after = applyChanges(tx, actor, before, {
      status: to,
      acknowledgedAt: before.acknowledgedAt ?? (to === "investigating" ? undefined : clampAfter(now, before.startedAt)),
      resolvedAt: to === "resolved" ? clampAfter(now, before.acknowledgedAt ?? before.startedAt) : undefined,
    });
    if (note) insertIncidentUpdate(tx, { incidentId: id, kind: "note", body: note, authorId: authorOf(actor), createdAt: now });
    return after;
  });
}

/** An incident declared with a start in the future (clock skew) is still acknowledged no earlier than it began. */
function clampAfter(at: Date, floor: Date): Date {
  return at < floor ? floor : at;
}

export function acknowledgeIncident(db: Db, actor: Actor, id: number): Incident {
  return db.transaction((tx) => {
    const before = load(tx, id);
    if (before.acknowledgedAt) throw new AppError("conflict", "The incident is already acknowledged.");
    return applyChanges(tx, actor, before, { acknowledgedAt: clampAfter(new Date(), before.startedAt) });
  });
}

export function addIncidentNote(db: Db, actor: Actor, id: number, body: string): void {
  db.transaction((tx) => {
    load(tx, id);
    insertIncidentUpdate(tx, { incidentId: id, kind: "note", body, authorId: authorOf(actor), createdAt: new Date() });
    recordAudit(tx, actor, { action: "incident.note", entityType: "incident", entityId: id, after: { body } });
  });
}

/** Corrects the three timestamps; the rules (started ≤ acknowledged ≤ resolved) still hold, and the log says who changed what. */
export function correctIncidentTimes(db: Db, actor: Actor, id: number, times: { startedAt: Date; acknowledgedAt: Date | null; resolvedAt: Date | null }): Incident {
  return db.transaction((tx) => {
    const before = load(tx, id);
    const after = applyChanges(tx, actor, before, times);
    const fmt = (d: Date | null) => d?.toISOString() ?? "none";
    const changed = (["startedAt", "acknowledgedAt", "resolvedAt"] as const).filter((k) => fmt(before[k]) !== fmt(after[k]));
    if (changed.length) {
      insertIncidentUpdate(tx, {
        incidentId: id,
        kind: "correction",
        body: `Corrected ${changed.map((k) => `${k} from ${fmt(before[k])} to ${fmt(after[k])}`).join("; ")}`,
        authorId: authorOf(actor),
        createdAt: new Date(),
      });
    }
    return after;
  });
}

export function setIncidentLead(db: Db, actor: Actor, id: number, leadId: string | null): Incident {
  return db.transaction((tx) => applyChanges(tx, actor, load(tx, id), { leadId }));
}

export function savePostmortem(db: Db, actor: Actor, id: number, markdown: string): Incident {
  return db.transaction((tx) => applyChanges(tx, actor, load(tx, id), { postmortem: markdown || null }));
}
