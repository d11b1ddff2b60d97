import type { Severity } from "@/db/schema";
import { own } from "@/lib/records";
import { incidentTitle, isoTime, obj, optStr, str } from "./payload";
import { mapService, PayloadError, type IntegrationConfig, type ParsedDelivery, type WebhookEffect, type WebhookParser } from "./types";

const USED_EVENTS = new Set(["incident.triggered", "incident.acknowledged", "incident.resolved", "incident.priority_updated", "incident.reopened"]);

const PRIORITY_SEVERITY: Record<string, Severity | undefined> = { P1: "SEV1", P2: "SEV2", P3: "SEV3", P4: "SEV4", P5: "SEV4" };

type Incident = {
  externalId: string;
  title: string;
  service: string;
  severity: Severity;
  /** Absent in older v3 payloads; without it a later event cannot say when the incident started. */
  createdAt: string | undefined;
  occurredAt: string;
};

const ignore = (deliveryId: string | null, event: string, reason: string): ParsedDelivery => ({ deliveryId, event, effects: [], ignoredReason: reason });

const later = (a: string, b: string) => (Date.parse(a) >= Date.parse(b) ? a : b);

function titleOf(value: unknown, path: string): string {
  const text = incidentTitle(str(value, path));
  if (!text) throw new PayloadError(`${path} is empty`);
  return text;
}

/** A named priority wins; custom priority names the map does not know fall back to urgency. */
function severity(data: Record<string, unknown>, config: IntegrationConfig): Severity {
  const priorityRef = data.priority;
  const priority = typeof priorityRef === "object" && priorityRef !== null ? optStr((priorityRef as Record<string, unknown>).summary) : undefined;
  const fromPriority = priority === undefined ? undefined : (own(config.severityMap, priority) ?? own(PRIORITY_SEVERITY, priority));
  if (fromPriority) return fromPriority;
  const urgency = optStr(data.urgency);
  return (urgency === undefined ? undefined : own(config.severityMap, urgency)) ?? (urgency === "high" ? "SEV2" : "SEV3");
}

function readIncident(event: Record<string, unknown>, config: IntegrationConfig): Incident {
  const data = obj(event.data, "event.data");
  return {
    externalId: `pagerduty:${str(data.id, "event.data.id")}`,
    title: titleOf(data.title, "event.data.title"),
    service: mapService(config, str(obj(data.service, "event.data.service").summary, "event.data.service.summary")),
    severity: severity(data, config),
    createdAt: data.created_at == null ? undefined : isoTime(data.created_at, "event.data.created_at"),
    occurredAt: isoTime(event.occurred_at, "event.occurred_at"),
  };
}

function fullBody(incident: Incident, startedAt: string): Record<string, unknown> {
  const { externalId, title, service, severity } = incident;
  return { title, service, severity, startedAt, externalId };
}

/**
 * A full body needs the start time; for a later event whose payload lacks created_at, guessing it
 * (occurred_at) would overwrite the real start on the known incident, so only the change is sent.
 * No status on triggered/acknowledged/priority changes: new incidents start investigating, and a
 * late or redelivered event must not reopen or reset one that moved on.
 */
function effectsFor(event: string, incident: Incident): WebhookEffect[] {
  const { createdAt, externalId } = incident;
  // Reopened: the incident is back; with its start known it is also declared if Tandem never saw it.
  if (event === "incident.reopened") return [...(createdAt ? [{ kind: "incident" as const, body: fullBody(incident, createdAt) }] : []), { kind: "incident-reopen", externalId }];
  return [effectFor(event, incident)];
}

function effectFor(event: string, incident: Incident): WebhookEffect {
  const { createdAt, occurredAt, externalId } = incident;
  if (event === "incident.triggered") return { kind: "incident", body: fullBody(incident, createdAt ?? occurredAt) };
  const change: Record<string, unknown> =
    event === "incident.acknowledged"
      ? { acknowledgedAt: createdAt ? later(occurredAt, createdAt) : occurredAt }
      : event === "incident.resolved"
        ? { status: "resolved", resolvedAt: createdAt ? later(occurredAt, createdAt) : occurredAt }
        : { severity: incident.severity };
  if (!createdAt) return { kind: "incident-update", externalId, patch: change };
  return { kind: "incident", body: { ...fullBody(incident, createdAt), ...change } };
}

/**
 * PagerDuty Webhooks v3: triggered, acknowledged, resolved, reopened and priority_updated incidents become one
 * Tandem incident per PagerDuty incident id; every other event type is ignored.
 */
export const parsePagerDuty: WebhookParser = ({ body, config }) => {
  const event = obj(obj(body, "body").event, "event");
  const deliveryId = optStr(event.id) ?? null;
  const eventType = str(event.event_type, "event.event_type");
  if (!USED_EVENTS.has(eventType)) return ignore(deliveryId, eventType, `event ${eventType} is not used`);
  return { deliveryId, event: eventType, effects: effectsFor(eventType, readIncident(event, config)) };
};
