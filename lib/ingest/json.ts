import type { ChangeRequest, Deployment, Incident } from "@/db/schema";

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** A deployment as the API returns it. */
export function deploymentJson(d: Deployment, service: string, commitShas: string[]) {
  return {
    id: d.id,
    service,
    environment: d.environment,
    version: d.version,
    sha: d.sha,
    status: d.status,
    startedAt: iso(d.startedAt),
    finishedAt: iso(d.finishedAt),
    commits: commitShas,
    externalId: d.externalId,
    rollbackOf: d.rollbackOfId,
    unplanned: d.unplanned,
    changeFailed: d.changeFailed,
    changeRequest: d.changeRequestId,
    deployedBy: d.deployedBy,
    url: d.url,
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
  };
}

/** An incident as the API returns it. */
export function incidentJson(i: Incident, service: string) {
  return {
    id: i.id,
    title: i.title,
    service,
    severity: i.severity,
    status: i.status,
    startedAt: i.startedAt.toISOString(),
    acknowledgedAt: iso(i.acknowledgedAt),
    resolvedAt: iso(i.resolvedAt),
    causedBy: i.causedById,
    summary: i.summary,
    externalId: i.externalId,
    createdAt: i.createdAt.toISOString(),
    updatedAt: i.updatedAt.toISOString(),
  };
}

/** A change request as the API returns it. */
export function changeJson(c: ChangeRequest, service: string) {
  return {
    id: c.id,
    title: c.title,
    service,
    description: c.description,
    rollbackPlan: c.rollbackPlan,
    type: c.type,
    risk: c.risk,
    status: c.status,
    awaitingRetroactiveApproval: c.awaitingRetroactiveApproval,
    plannedStart: iso(c.plannedStart),
    plannedEnd: iso(c.plannedEnd),
    createdAt: c.createdAt.toISOString(),
  };
}
