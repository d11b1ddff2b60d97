import type { Database, Queryable } from "@/db/database";
import type { Incident, IncidentStatus } from "@/db/schema";
import { recordAudit } from "@/db/queries/audit";
import { findIncidentById, insertIncidentUpdate } from "@/db/queries/incidents";
import type { Actor } from "@/lib/auth/actor";
import { AppError, notFound } from "@/lib/errors";
import { applyChanges, recordIncidentIn } from "./record";
import type { IncidentCreate } from "./schema";
import { renderedFor } from "./rendered";
import { responder } from "./people";
import { transitionProblem } from "./state-machine";

/* What responders do to an incident from the app: every change audited and kept in order. */

async function load(q: Queryable, id: number): Promise<Incident> {
  const incident = await findIncidentById(q, id);
  if (!incident) throw notFound("incident", id);
  return incident;
}

const authorOf = (actor: Actor) => (actor.type === "user" ? actor.id : null);

/** Moves an incident along its state machine; the first move acknowledges it, resolving stamps the time. */
export async function moveIncident(db: Database, actor: Actor, id: number, to: IncidentStatus, note?: string): Promise<Incident> {
  return db.transaction(async (tx) => {
    const before = await load(tx, id);
    const problem = transitionProblem(before.status, to);
    if (problem) throw new AppError("conflict", `Cannot move to ${to}: ${problem}.`, { status: problem });
    const now = new Date();
    const after = await applyChanges(tx, actor, before, {
      status: to,
      acknowledgedAt: before.acknowledgedAt ?? (to === "investigating" ? undefined : clampAfter(now, before.startedAt)),
      resolvedAt: to === "resolved" ? clampAfter(now, before.acknowledgedAt ?? before.startedAt) : undefined,
    });
    if (note) await insertIncidentUpdate(tx, { incidentId: id, kind: "note", body: note, bodyHtml: renderedFor(note), authorId: authorOf(actor), createdAt: now });
    return after;
  });
}

/** An incident declared with a start in the future (clock skew) is still acknowledged no earlier than it began. */
function clampAfter(at: Date, floor: Date): Date {
  return at < floor ? floor : at;
}

export async function acknowledgeIncident(db: Database, actor: Actor, id: number): Promise<Incident> {
  return db.transaction(async (tx) => {
    const before = await load(tx, id);
    if (before.acknowledgedAt) throw new AppError("conflict", "The incident is already acknowledged.").saying("alreadyAcknowledged");
    return applyChanges(tx, actor, before, { acknowledgedAt: clampAfter(new Date(), before.startedAt) });
  });
}

export async function addIncidentNote(db: Database, actor: Actor, id: number, body: string): Promise<void> {
  await db.transaction(async (tx) => {
    await load(tx, id);
    await insertIncidentUpdate(tx, { incidentId: id, kind: "note", body, bodyHtml: renderedFor(body), authorId: authorOf(actor), createdAt: new Date() });
    await recordAudit(tx, actor, { action: "incident.note", entityType: "incident", entityId: id, after: { body } });
  });
}

/** Corrects the three timestamps; the rules (started ≤ acknowledged ≤ resolved) still hold, and the log says who changed what. */
export async function correctIncidentTimes(db: Database, actor: Actor, id: number, times: { startedAt: Date; acknowledgedAt: Date | null; resolvedAt: Date | null }): Promise<Incident> {
  return db.transaction(async (tx) => {
    const before = await load(tx, id);
    const after = await applyChanges(tx, actor, before, times);
    const fmt = (d: Date | null) => d?.toISOString() ?? "none";
    const changed = (["startedAt", "acknowledgedAt", "resolvedAt"] as const).filter((k) => fmt(before[k]) !== fmt(after[k]));
    if (changed.length) {
      const body = `Corrected ${changed.map((k) => `${k} from ${fmt(before[k])} to ${fmt(after[k])}`).join("; ")}`;
      await insertIncidentUpdate(tx, {
        incidentId: id,
        kind: "correction",
        body,
        bodyHtml: renderedFor(body),
        authorId: authorOf(actor),
        createdAt: new Date(),
      });
    }
    return after;
  });
}

/** The lead an input names (null: nobody yet), held to the rule of every job in the response. */
async function leadOf(q: Queryable, leadId: string | null): Promise<string | null> {
  return leadId === null ? null : (await responder(q, "leadId", { id: leadId })).id;
}

/** Declares an incident from the form with its lead (the on-call person is suggested there), in one transaction. */
export async function declareWithLead(db: Database, actor: Actor, input: IncidentCreate, leadId: string | null) {
  return db.transaction(async (tx) => {
    const lead = await leadOf(tx, leadId);
    const result = await recordIncidentIn(tx, actor, "ui", input);
    return lead ? { ...result, incident: await applyChanges(tx, actor, result.incident, { leadId: lead }) } : result;
  });
}

export async function setIncidentLead(db: Database, actor: Actor, id: number, leadId: string | null): Promise<Incident> {
  return db.transaction(async (tx) => {
    const before = await load(tx, id);
    return applyChanges(tx, actor, before, { leadId: await leadOf(tx, leadId) });
  });
}

/** Puts a person in (or with null takes everyone out of) the communications role. */
export async function setIncidentCommunications(db: Database, actor: Actor, id: number, email: string | null): Promise<Incident> {
  return db.transaction(async (tx) => {
    const before = await load(tx, id);
    const communicationsId = email === null ? null : (await responder(tx, "communications", { email })).id;
    return applyChanges(tx, actor, before, { communicationsId });
  });
}

export async function savePostmortem(db: Database, actor: Actor, id: number, markdown: string): Promise<Incident> {
  return db.transaction(async (tx) => applyChanges(tx, actor, await load(tx, id), { postmortem: markdown || null }));
}
