import type { Queryable } from "@/db/database";
import type { ChangeRequest, Deployment, Incident, NotificationEventType } from "@/db/schema";
import { findServiceScope } from "@/db/queries/notifications";
import { changeJson } from "@/lib/changes/json";
import { incidentPayload } from "@/lib/incidents/json";
import { deploymentJson } from "@/lib/ingest/json";

/**
 * A notification as stored in the outbox and sent to every kind of channel: `type`, `timestamp` and
 * `data` (the subject as the API returns it) are the webhook body; the rest is what a person reads in
 * Slack, Teams or an email, with `path` the page in Tandem it links to.
 */
export type RenderedEvent = {
  /** An event of the contract's list, or `tandem.test` for the "send test message" button. */
  type: NotificationEventType | typeof TEST_EVENT;
  timestamp: string;
  data: Record<string, unknown>;
  title: string;
  summary: string | null;
  facts: [string, string][];
  path: string;
  service: string | null;
  team: string | null;
};

/**
 * What a change hands to emitEvent: the type, known at once, and how to render the message, which reads
 * more (the service's slug and team, a deployment's commits) and so runs only when a channel wants it.
 */
export type PendingEvent = { type: NotificationEventType; render: (tx: Queryable) => Promise<RenderedEvent> };

async function scopeOf(tx: Queryable, serviceId: number): Promise<{ slug: string; team: string | null }> {
  return (await findServiceScope(tx, serviceId)) ?? { slug: String(serviceId), team: null };
}

const INCIDENT_VERB = { "incident.declared": "declared", "incident.updated": "updated", "incident.resolved": "resolved" } as const;

export function incidentNotification(type: keyof typeof INCIDENT_VERB, incident: Incident): PendingEvent {
  return {
    type,
    render: async (tx) => {
      const { slug, team } = await scopeOf(tx, incident.serviceId);
      return {
        type,
        timestamp: (type === "incident.declared" ? incident.createdAt : incident.updatedAt).toISOString(),
        data: await incidentPayload(tx, incident),
        title: `${incident.severity} incident ${INCIDENT_VERB[type]}: ${incident.title}`,
        summary: incident.summary,
        facts: [
          ["Service", slug],
          ["Severity", incident.severity],
          ["Status", incident.status],
          ["Started", incident.startedAt.toISOString()],
        ],
        path: `/incidents/${incident.id}`,
        service: slug,
        team,
      };
    },
  };
}

/** What an incident's change is worth telling: resolved, else any other change of its state; none for a no-op. */
export function incidentChangeNotification(before: Incident, after: Incident): PendingEvent | null {
  if (after.status === "resolved" && before.status !== "resolved") return incidentNotification("incident.resolved", after);
  const watched = ["title", "severity", "status", "acknowledgedAt", "resolvedAt", "leadId", "causedById", "summary", "postmortem", "startedAt"] as const;
  const same = (a: unknown, b: unknown) => (a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b);
  return watched.every((k) => same(before[k], after[k])) ? null : incidentNotification("incident.updated", after);
}

export function changeNotification(type: "change.submitted" | "change.decided", change: ChangeRequest): PendingEvent {
  return {
    type,
    render: async (tx) => {
      const { slug, team } = await scopeOf(tx, change.serviceId);
      const what = type === "change.submitted" ? `submitted (${change.status.replace("_", " ")})` : change.status.replace("_", " ");
      return {
        type,
        timestamp: change.updatedAt.toISOString(),
        data: changeJson(change, slug),
        title: `Change #${change.id} ${what}: ${change.title}`,
        summary: change.description,
        facts: [
          ["Service", slug],
          ["Type", change.type],
          ["Risk", change.risk],
          ["Status", change.status.replace("_", " ")],
        ],
        path: `/changes/${change.id}`,
        service: slug,
        team,
      };
    },
  };
}

/** A deployment that has just become failed; `commits` lists its shas as the API returns them. */
export function deploymentFailedNotification(deployment: Deployment, service: string, commits: () => Promise<string[]>): PendingEvent {
  return {
    type: "deployment.failed",
    render: async (tx) => {
      const { team } = await scopeOf(tx, deployment.serviceId);
      return {
        type: "deployment.failed",
        timestamp: deployment.updatedAt.toISOString(),
        data: deploymentJson(deployment, service, await commits()),
        title: `Deployment #${deployment.id} of ${service} to ${deployment.environment} failed${deployment.version ? ` (${deployment.version})` : ""}`,
        summary: deployment.url ? `Pipeline: ${deployment.url}` : null,
        facts: [
          ["Service", service],
          ["Environment", deployment.environment],
          ...(deployment.deployedBy ? ([["Deployed by", deployment.deployedBy]] as [string, string][]) : []),
        ],
        path: `/deployments/${deployment.id}`,
        service,
        team,
      };
    },
  };
}

/**
 * The events other parts of Tandem raise (the gate, follow-ups, on-call): their callers hold the subject
 * as their API returns it and say in a line what happened. One builder serves all three.
 */
export function subjectNotification(
  type: "gate.denied" | "action_item.overdue" | "oncall.handoff",
  subject: { data: Record<string, unknown>; title: string; summary?: string | null; facts?: [string, string][]; path: string; service?: string | null; team: string | null; at: Date },
): PendingEvent {
  return {
    type,
    render: async () => ({
      type,
      timestamp: subject.at.toISOString(),
      data: subject.data,
      title: subject.title,
      summary: subject.summary ?? null,
      facts: subject.facts ?? [],
      path: subject.path,
      service: subject.service ?? null,
      team: subject.team,
    }),
  };
}

export const TEST_EVENT = "tandem.test";

/** What "send test message" sends: a type of its own, so a receiver never mistakes it for an incident. */
export function testNotification(at: Date, channelName: string): RenderedEvent {
  return {
    type: TEST_EVENT,
    timestamp: at.toISOString(),
    data: { test: true, message: `A test message from Tandem to the channel "${channelName}".` },
    title: `Test message from Tandem to "${channelName}"`,
    summary: "If you can read this, the channel works.",
    facts: [],
    path: "/settings",
    service: null,
    team: null,
  };
}
