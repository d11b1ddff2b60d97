import type { Queryable } from "@/db/database";
import type { ChangeRequest, Deployment, Incident, NotificationEventType } from "@/db/schema";
import { findServiceScope } from "@/db/queries/notifications";
import { changeJson } from "@/lib/changes/json";
import { incidentPayload } from "@/lib/incidents/json";
import { deploymentJson } from "@/lib/ingest/json";
import type { Locale } from "@/lib/i18n/locales";
import { writeOut, type EventText } from "./text";

/**
 * A notification as stored in the outbox and sent to every kind of channel: `type`, `timestamp` and
 * `data` (the subject as the API returns it) are the webhook body; the rest is what a person reads in
 * Slack, Teams or an email, with `path` the page in Tandem it links to. `text` holds that as catalog
 * messages, written out in each channel's (or person's) language when sent; `title`, `summary` and
 * `facts` are its English, and all a message stored before channels had a language carries.
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
  text?: EventText;
  /** A person's own email: the language of the person it goes to. */
  locale?: Locale;
};

/** The people-facing fields of an event from its text: the English words, and the text itself. */
export function described(text: EventText, dataSummary: string | null = null): Pick<RenderedEvent, "title" | "summary" | "facts" | "text"> {
  return { ...writeOut(text, "en", dataSummary), text };
}

/**
 * What a change hands to emitEvent: the type, known at once, and how to render the message, which reads
 * more (the service's slug and team, a deployment's commits) and so runs only when a channel wants it.
 */
export type PendingEvent = { type: NotificationEventType; render: (tx: Queryable) => Promise<RenderedEvent> };

async function scopeOf(tx: Queryable, serviceId: number): Promise<{ slug: string; team: string | null }> {
  return (await findServiceScope(tx, serviceId)) ?? { slug: String(serviceId), team: null };
}

const INCIDENT_TITLE = { "incident.declared": "Notifications.incidentDeclared", "incident.updated": "Notifications.incidentUpdated", "incident.resolved": "Notifications.incidentResolved" } as const;

export function incidentNotification(type: keyof typeof INCIDENT_TITLE, incident: Incident): PendingEvent {
  return {
    type,
    render: async (tx) => {
      const { slug, team } = await scopeOf(tx, incident.serviceId);
      return {
        type,
        timestamp: (type === "incident.declared" ? incident.createdAt : incident.updatedAt).toISOString(),
        data: await incidentPayload(tx, incident),
        ...described(
          {
            title: { key: INCIDENT_TITLE[type], values: { severity: { term: "severity", value: incident.severity }, title: incident.title } },
            facts: [
              ["Terms.nouns.service", slug],
              ["Terms.nouns.severity", { term: "severity", value: incident.severity }],
              ["Terms.nouns.status", { term: "incidentStatus", value: incident.status }],
              ["Notifications.started", { at: incident.startedAt.toISOString() }],
            ],
          },
          incident.summary,
        ),
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
  const watched = ["title", "severity", "status", "acknowledgedAt", "resolvedAt", "serviceId", "leadId", "communicationsId", "causedById", "summary", "postmortem", "startedAt"] as const;
  const same = (a: unknown, b: unknown) => (a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b);
  return watched.every((k) => same(before[k], after[k])) ? null : incidentNotification("incident.updated", after);
}

/** `approvedAfterImplementation`: an emergency change carried out before its approval has just got it (its status stays). */
export function changeNotification(type: "change.submitted" | "change.decided", change: ChangeRequest, { approvedAfterImplementation = false } = {}): PendingEvent {
  return {
    type,
    render: async (tx) => {
      const { slug, team } = await scopeOf(tx, change.serviceId);
      const status = { term: "changeStatus", value: change.status } as const;
      return {
        type,
        timestamp: change.updatedAt.toISOString(),
        data: changeJson(change, slug),
        ...described(
          {
            title: {
              key: type === "change.submitted" ? "Notifications.changeSubmitted" : approvedAfterImplementation ? "Notifications.changeApprovedAfterImplementation" : "Notifications.changeDecided",
              values: { id: String(change.id), status, title: change.title },
            },
            facts: [
              ["Terms.nouns.service", slug],
              ["Notifications.type", { term: "changeType", value: change.type }],
              ["Notifications.risk", { term: "risk", value: change.risk }],
              ["Terms.nouns.status", status],
            ],
          },
          change.description,
        ),
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
        ...described({
          title: deployment.version
            ? { key: "Notifications.deploymentFailedVersion", values: { id: String(deployment.id), service, environment: deployment.environment, version: deployment.version } }
            : { key: "Notifications.deploymentFailed", values: { id: String(deployment.id), service, environment: deployment.environment } },
          ...(deployment.url ? { summary: { key: "Notifications.pipeline", values: { url: deployment.url } } } : {}),
          facts: [
            ["Terms.nouns.service", service],
            ["Terms.nouns.environment", deployment.environment],
            ...(deployment.deployedBy ? ([["Notifications.deployedBy", deployment.deployedBy]] as [string, string][]) : []),
          ],
        }),
        path: `/deployments/${deployment.id}`,
        service,
        team,
      };
    },
  };
}

/**
 * The events other parts of Tandem raise (the gate, follow-ups, on-call): their callers hold the subject
 * as their API returns it and say what happened as catalog messages (`summary`: their own, which is data,
 * when the text has none). One builder serves all three.
 */
export function subjectNotification(
  type: "gate.denied" | "action_item.overdue" | "oncall.handoff",
  subject: { data: Record<string, unknown>; text: EventText; summary?: string | null; path: string; service?: string | null; team: string | null; at: Date },
): PendingEvent {
  return {
    type,
    render: async () => ({
      type,
      timestamp: subject.at.toISOString(),
      data: subject.data,
      ...described(subject.text, subject.summary ?? null),
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
    ...described({ title: { key: "Notifications.test", values: { channel: channelName } }, summary: { key: "Notifications.testSummary" }, facts: [] }),
    path: "/settings",
    service: null,
    team: null,
  };
}
