import type { Database, Queryable } from "@/db/database";
import type { Incident } from "@/db/schema";
import { recordAudit } from "@/db/queries/audit";
import { findIncidentByExternalId, findIncidentById, insertIncident, insertIncidentUpdate, serviceSlugOf, updateIncident, wasMoved } from "@/db/queries/incidents";
import type { Actor } from "@/lib/auth/actor";
import { AppError, notFound } from "@/lib/errors";
import { resolveDeployment } from "@/lib/ingest/deployments";
import { findDeploymentById } from "@/db/queries/ingest";
import type { IncidentCreate, IncidentPatch } from "@/lib/incidents/schema";
import { ensureService } from "@/lib/services/services";
import { insertEvent } from "@/db/queries/timeline";
import { incidentChangeEvent, incidentEvent } from "@/lib/timeline/events";
import { findUserById } from "@/db/queries/users";
import { emitEvent } from "@/lib/notifications/emit";
import { incidentChangeNotification, incidentNotification } from "@/lib/notifications/events";
import { auditedIncident, renderedChanges, renderedFor } from "./rendered";
import { incidentTimeProblems } from "./times";
import { responder } from "./people";

export type IncidentResult = { incident: Incident; created: boolean };

type Changes = Omit<IncidentPatch, "causedBy" | "communications" | "service"> & { serviceId?: number; causedById?: number | null; leadId?: string | null; communicationsId?: string | null; postmortem?: string | null };

function assertTimes(state: Pick<Incident, "status" | "startedAt" | "acknowledgedAt" | "resolvedAt">) {
  const problems = incidentTimeProblems(state);
  const [first] = Object.entries(problems);
  if (first) throw new AppError("bad_request", `${first[0]}: ${first[1]}`, problems);
}

const authorOf = (actor: Actor) => (actor.type === "user" ? actor.id : null);

const SEVERITY_RANK = { SEV1: 1, SEV2: 2, SEV3: 3, SEV4: 4 } as const;

/**
 * Writes an incident's state changes other than its status (acknowledged, lead, severity, cause,
 * postmortem) to its Updates list and the timeline, in the transaction that made them, so neither
 * misses a step. `before` is null for a new incident.
 */
async function logStateChanges(tx: Queryable, actor: Actor, before: Incident | null, after: Incident, now: Date): Promise<void> {
  const log = async (kind: "acknowledged" | "lead" | "communications" | "severity" | "cause" | "postmortem" | "service", body: string | null, event: Parameters<typeof incidentChangeEvent>[1], detail: string | null, at = now) => {
    await insertIncidentUpdate(tx, { incidentId: after.id, kind, body, authorId: authorOf(actor), createdAt: now });
    await insertEvent(tx, incidentChangeEvent(after, event, detail, at));
  };
  if (!before?.acknowledgedAt && after.acknowledgedAt) await log("acknowledged", null, "acknowledged", null, after.acknowledgedAt);
  if ((before?.leadId ?? null) !== after.leadId) {
    const lead = after.leadId ? ((await findUserById(tx, after.leadId))?.name ?? after.leadId) : null;
    await log("lead", lead, "lead changed", lead ? `led by ${lead}` : "lead cleared");
  }
  if ((before?.communicationsId ?? null) !== after.communicationsId) {
    const person = after.communicationsId ? ((await findUserById(tx, after.communicationsId))?.name ?? after.communicationsId) : null;
    await log("communications", person, "communications changed", person ? `${person} handles communications` : "communications role cleared");
  }
  if (before && before.severity !== after.severity) {
    const verb = SEVERITY_RANK[after.severity] < SEVERITY_RANK[before.severity] ? "raised" : "lowered";
    await log("severity", `${before.severity} → ${after.severity}`, "severity changed", `severity ${verb} from ${before.severity}`);
  }
  if ((before?.causedById ?? null) !== after.causedById) {
    if (after.causedById === null) await log("cause", null, "cause unlinked", "cause unlinked");
    else await log("cause", String(after.causedById), "cause linked", `caused by deployment #${after.causedById}`);
  }
  if ((before?.postmortem ?? null) !== after.postmortem && after.postmortem) await log("postmortem", null, "postmortem written", "postmortem written");
  if (before && before.serviceId !== after.serviceId) {
    const [from, to] = [await serviceSlugOf(tx, before.serviceId), await serviceSlugOf(tx, after.serviceId)];
    await log("service", `${from} → ${to}`, "service changed", `moved from ${from} to ${to}`);
  }
}

/** Applies changes to an incident, keeping its rules, logging a status change, auditing it all. */
export async function applyChanges(tx: Queryable, actor: Actor, before: Incident, requested: Changes): Promise<Incident> {
  // Only the fields sent change; an absent field keeps its value.
  const changes = Object.fromEntries(Object.entries(requested).filter(([, v]) => v !== undefined)) as Changes;
  const status = changes.status ?? before.status;
  // Reopening clears the resolution unless the caller sets one (which the rules then refuse).
  const resolvedAt = changes.resolvedAt !== undefined ? changes.resolvedAt : status === "resolved" ? before.resolvedAt : null;
  const next = { ...before, ...changes, ...renderedChanges(changes), status, resolvedAt, updatedAt: new Date() };
  assertTimes(next);
  const { id: _id, ...values } = next;
  const after = await updateIncident(tx, before.id, values);
  if (after.status !== before.status) {
    await insertIncidentUpdate(tx, { incidentId: after.id, kind: "status", status: after.status, authorId: authorOf(actor), createdAt: after.updatedAt });
    await insertEvent(tx, incidentEvent(after, before.status, after.status === "resolved" && after.resolvedAt ? after.resolvedAt : after.updatedAt));
  }
  await logStateChanges(tx, actor, before, after, after.updatedAt);
  await emitEvent(tx, incidentChangeNotification(before, after));
  await recordAudit(tx, actor, { action: "incident.update", entityType: "incident", entityId: after.id, before: auditedIncident(before), after: auditedIncident(after) });
  return after;
}

/** The communications person an email names (null clears the role, undefined leaves it). */
async function communicationsId(tx: Queryable, email: string | null | undefined): Promise<string | null | undefined> {
  if (email === undefined || email === null) return email;
  return (await responder(tx, "communications", { email })).id;
}

async function causedById(tx: Queryable, source: string, ref: number | string | null | undefined): Promise<number | null | undefined> {
  if (ref === undefined || ref === null) return ref;
  return await resolveDeployment(tx, source, ref, "causedBy");
}

/** POST /api/v1/incidents (and the webhooks): creates, or with a known externalId updates, an incident. */
export async function recordIncident(db: Database, actor: Actor, source: string, input: IncidentCreate): Promise<IncidentResult> {
  return db.transaction((tx) => recordIncidentIn(tx, actor, source, input));
}

export async function recordIncidentIn(tx: Queryable, actor: Actor, source: string, input: IncidentCreate): Promise<IncidentResult> {
  const serviceId = await ensureService(tx, actor, input.service);
  const caused = await causedById(tx, source, input.causedBy);
  const communications = await communicationsId(tx, input.communications);
  const existing = input.externalId ? await findIncidentByExternalId(tx, source, input.externalId) : undefined;
  if (existing) {
    // A tool goes on naming the service it filed the incident under; once a person has moved it, the move stands.
    if (existing.serviceId !== serviceId && !(await wasMoved(tx, existing.id))) {
      throw new AppError("conflict", `externalId ${input.externalId} already names an incident of another service.`, { externalId: "already used for another service" });
    }
    const { service: _service, externalId: _externalId, causedBy: _causedBy, communications: _communications, ...fields } = input;
    return { incident: await applyChanges(tx, actor, existing, { ...fields, causedById: caused, communicationsId: communications }), created: false };
  }
  const now = new Date();
  const values = {
    serviceId,
    title: input.title,
    severity: input.severity,
    status: input.status ?? "investigating",
    startedAt: input.startedAt,
    acknowledgedAt: input.acknowledgedAt ?? null,
    resolvedAt: input.resolvedAt ?? null,
    causedById: caused ?? null,
    communicationsId: communications ?? null,
    summary: input.summary ?? null,
    summaryHtml: renderedFor(input.summary ?? null),
    source,
    externalId: input.externalId ?? null,
    createdBy: actor.type === "user" ? actor.id : null,
    createdAt: now,
    updatedAt: now,
  };
  assertTimes(values);
  const incident = await insertIncident(tx, values);
  await insertIncidentUpdate(tx, { incidentId: incident.id, kind: "declared", status: incident.status, authorId: values.createdBy, createdAt: now });
  await insertEvent(tx, incidentEvent(incident, null, incident.startedAt));
  if (incident.status !== "investigating") await insertEvent(tx, incidentEvent(incident, "investigating", incident.resolvedAt ?? now));
  await logStateChanges(tx, actor, null, incident, now);
  await emitEvent(tx, incidentNotification(incident.status === "resolved" ? "incident.resolved" : "incident.declared", incident));
  await recordAudit(tx, actor, { action: "incident.create", entityType: "incident", entityId: incident.id, after: auditedIncident(incident) });
  return { incident, created: true };
}

/** Changes an incident known by its externalId (from the same source); undefined when Tandem never saw it. */
export async function patchIncidentByExternalIdIn(tx: Queryable, actor: Actor, source: string, externalId: string, patch: IncidentPatch): Promise<Incident | undefined> {
  const before = await findIncidentByExternalId(tx, source, externalId);
  if (!before) return undefined;
  return applyChanges(tx, actor, before, await changesOf(tx, actor, source, patch));
}

/** A patch as the incident's own columns: people and deployments by id, the service by id (created when new, as on POST). */
async function changesOf(tx: Queryable, actor: Actor, source: string, patch: IncidentPatch): Promise<Changes> {
  const { causedBy, communications, service, ...fields } = patch;
  return {
    ...fields,
    serviceId: service === undefined ? undefined : await ensureService(tx, actor, service),
    causedById: await causedById(tx, source, causedBy),
    communicationsId: await communicationsId(tx, communications),
  };
}

/** PATCH /api/v1/incidents/{id}. */
export async function patchIncident(db: Database, actor: Actor, source: string, id: number, patch: IncidentPatch): Promise<Incident> {
  return db.transaction(async (tx) => {
    const before = await findIncidentById(tx, id);
    if (!before) throw notFound("incident", id);
    return applyChanges(tx, actor, before, await changesOf(tx, actor, source, patch));
  });
}

/** A person confirms (or clears) which deployment caused an incident: never guessed into the metrics. */
export async function setCausingDeployment(db: Database, actor: Actor, incidentId: number, deploymentId: number | null): Promise<Incident> {
  return db.transaction(async (tx) => {
    const before = await findIncidentById(tx, incidentId);
    if (!before) throw notFound("incident", incidentId);
    if (deploymentId !== null && !(await findDeploymentById(tx, deploymentId))) throw notFound("deployment", deploymentId);
    if (deploymentId === null && before.causedById === null) {
      // Nothing changes, but a person has now decided that no deployment caused it: the Updates list and
      // the data-health rule (lib/data-health/rules.ts) count that decision, so the incident stops asking.
      await insertIncidentUpdate(tx, { incidentId, kind: "cause", body: null, authorId: authorOf(actor), createdAt: new Date() });
      await insertEvent(tx, incidentChangeEvent(before, "cause unlinked", "no deployment caused it", new Date()));
      return before;
    }
    return applyChanges(tx, actor, before, { causedById: deploymentId });
  });
}
