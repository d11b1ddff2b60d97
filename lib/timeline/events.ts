import type { ChangeRequest, Deployment, Incident, NewTimelineEvent } from "@/db/schema";

/* What each change to a deployment, incident or change request says on the shared timeline. */

const DEPLOYMENT_VERBS = { queued: "queued", in_progress: "started", success: "succeeded", failure: "failed", cancelled: "cancelled" } as const;
const DEPLOYMENT_PHRASES = { queued: "queued for", in_progress: "deploying to", success: "deployed to", failure: "failed to deploy to", cancelled: "cancelled deploying to" } as const;

export function deploymentEvent(d: Deployment, service: string): NewTimelineEvent {
  const rollback = d.status === "success" && d.rollbackOfId !== null;
  const label = d.version ?? d.sha?.slice(0, 10) ?? `#${d.id}`;
  return {
    at: d.finishedAt ?? d.startedAt ?? d.updatedAt,
    type: "deployment",
    action: rollback ? "rolled back" : DEPLOYMENT_VERBS[d.status],
    serviceId: d.serviceId,
    environment: d.environment,
    summary: rollback ? `${service} rolled back to ${label} in ${d.environment}` : `${service} ${label} ${DEPLOYMENT_PHRASES[d.status]} ${d.environment}`,
    subjectId: d.id,
    subjectExternalId: d.externalId,
  };
}

/** The event for an incident entering its current status (declared when new, reopened when it leaves resolved). */
export function incidentEvent(i: Incident, previous: Incident["status"] | null, at: Date): NewTimelineEvent {
  const action = previous === null ? "declared" : previous === "resolved" ? "reopened" : i.status;
  const what = action === "declared" ? `${i.severity} declared` : action === "reopened" ? `${i.severity} reopened` : `${i.severity} ${i.status}`;
  return { at, type: "incident", action, serviceId: i.serviceId, environment: null, summary: `${what}: ${i.title}`, subjectId: i.id, subjectExternalId: i.externalId };
}

/** The timeline's action for each change to an incident that is not a move between statuses. */
export type IncidentChangeAction = "acknowledged" | "lead changed" | "communications changed" | "severity changed" | "cause linked" | "cause unlinked" | "postmortem written" | "service changed";

/** An incident's other state changes; `detail` says what changed ("lead Ana", "SEV3 → SEV2", "deployment #42"). */
export function incidentChangeEvent(i: Incident, action: IncidentChangeAction, detail: string | null, at: Date): NewTimelineEvent {
  return { at, type: "incident", action, serviceId: i.serviceId, environment: null, summary: `${i.severity} ${detail ?? action}: ${i.title}`, subjectId: i.id, subjectExternalId: i.externalId };
}

export function changeEvent(c: ChangeRequest, action: string, at: Date): NewTimelineEvent {
  return { at, type: "change", action, serviceId: c.serviceId, environment: null, summary: `Change ${action}: ${c.title} (${c.type}, ${c.risk} risk)`, subjectId: c.id, subjectExternalId: c.externalId };
}
