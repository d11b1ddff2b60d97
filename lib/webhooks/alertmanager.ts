import { createHash } from "node:crypto";
import type { Severity } from "@/db/schema";
import { own } from "@/lib/records";
import { arr, incidentTitle, isoTime, obj, optStr, str } from "./payload";
import { mapService, PayloadError, type IntegrationConfig, type ParsedDelivery, type WebhookEffect, type WebhookParser } from "./types";

/** critical stays below SEV1: an alert alone rarely makes a major incident, people declare those. */
const LABEL_SEVERITY: Record<string, Severity | undefined> = { critical: "SEV2", warning: "SEV3", info: "SEV4" };

type Json = Record<string, unknown>;
/** Labels in a Map: their names come from the payload, and "__proto__" or "constructor" are just names. */
type Alert = { index: number; fields: Json; labels: Map<string, string> };

const ignore = (deliveryId: string | null, event: string, reason: string): ParsedDelivery => ({ deliveryId, event, effects: [], ignoredReason: reason });

const later = (a: string, b: string) => (Date.parse(a) >= Date.parse(b) ? a : b);

function readAlert(value: unknown, index: number): Alert {
  const fields = obj(value, `alerts.${index}`);
  const labels = new Map<string, string>();
  for (const [name, v] of Object.entries(obj(fields.labels, `alerts.${index}.labels`))) {
    const text = optStr(v);
    if (text !== undefined) labels.set(name, text);
  }
  return { index, fields, labels };
}

const matches = (labels: Map<string, string>, matchers: Record<string, string>) => Object.entries(matchers).every(([name, value]) => labels.get(name) === value);

/** Go's zero time (0001-01-01T00:00:00Z) is how Alertmanager says "no end yet". */
function endTime(value: unknown, path: string): string | undefined {
  if (optStr(value) === undefined) return undefined;
  const iso = isoTime(value, path);
  return new Date(iso).getUTCFullYear() <= 1 ? undefined : iso;
}

function severity(labels: Map<string, string>, config: IntegrationConfig): Severity {
  const value = labels.get(config.severityLabel);
  if (value === undefined) return "SEV3";
  return own(config.severityMap, value) ?? own(LABEL_SEVERITY, value.toLowerCase()) ?? "SEV3";
}

function required(value: string | undefined, what: string): string {
  const text = value?.trim();
  if (!text) throw new PayloadError(`${what} is missing`);
  return text;
}

/**
 * One incident per alert, keyed by fingerprint and start: the same alert firing again later is a new
 * incident rather than a reopened old one. No status while firing: repeat notifications must not
 * reset an incident someone has moved on to identified or monitoring.
 */
function alertEffect({ index, fields, labels }: Alert, groupStatus: string, config: IntegrationConfig): WebhookEffect {
  const at = `alerts.${index}`;
  const annotations = typeof fields.annotations === "object" && fields.annotations !== null ? (fields.annotations as Json) : {};
  const startedAt = isoTime(fields.startsAt, `${at}.startsAt`);
  const body = {
    title: incidentTitle(required(optStr(annotations.summary) ?? labels.get("alertname"), `${at}.annotations.summary (or labels.alertname)`)),
    service: mapService(config, required(labels.get("service") ?? labels.get("job") ?? labels.get("alertname"), `${at}.labels.service (or job, alertname)`)),
    severity: severity(labels, config),
    startedAt,
    externalId: `alertmanager:${str(fields.fingerprint, `${at}.fingerprint`)}:${startedAt}`,
  };
  if ((optStr(fields.status) ?? groupStatus) !== "resolved") return { kind: "incident", body };
  const endsAt = endTime(fields.endsAt, `${at}.endsAt`);
  if (!endsAt) throw new PayloadError(`${at}.endsAt is missing for a resolved alert`);
  return { kind: "incident", body: { ...body, status: "resolved", resolvedAt: later(endsAt, startedAt) } };
}

/** The same notification (group, status and every alert's state) always gets the same id; any change gets a new one. */
function deliveryIdOf(payload: Json, status: string, alerts: Alert[]): string {
  const states = alerts
    .map(({ fields }) => [optStr(fields.fingerprint), optStr(fields.status), optStr(fields.startsAt), optStr(fields.endsAt)].join("|"))
    .sort();
  const digest = createHash("sha256").update(JSON.stringify([optStr(payload.groupKey) ?? "", status, states])).digest("hex");
  return `${status}:${digest.slice(0, 32)}`;
}

/**
 * Prometheus Alertmanager webhooks (version 4): each alert matching the integration's alertMatchers
 * opens an incident while firing and resolves it when resolved; the rest are skipped.
 */
export const parseAlertmanager: WebhookParser = ({ body, config }) => {
  const payload = obj(body, "body");
  const status = str(payload.status, "status");
  const event = `alert.${status}`;
  const alerts = arr(payload.alerts, "alerts").map(readAlert);
  const deliveryId = deliveryIdOf(payload, status, alerts);
  const used = alerts.filter((a) => matches(a.labels, config.alertMatchers));
  if (alerts.length === 0) return ignore(deliveryId, event, "the delivery carries no alerts");
  if (used.length === 0) return ignore(deliveryId, event, "no alert matches the integration's alert matchers");
  return { deliveryId, event, effects: used.map((a) => alertEffect(a, status, config)) };
};
