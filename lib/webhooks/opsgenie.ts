import type { Severity } from "@/db/schema";
import { own } from "@/lib/records";
import { clip, incidentTitle, obj, optStr, str } from "./payload";
import { mapService, PayloadError, type IntegrationConfig, type ParsedDelivery, type WebhookEffect, type WebhookParser } from "./types";

const USED_ACTIONS = new Set(["Create", "Acknowledge", "Close"]);

const PRIORITY_SEVERITY: Record<string, Severity | undefined> = { P1: "SEV1", P2: "SEV2", P3: "SEV3", P4: "SEV4", P5: "SEV4" };

type Json = Record<string, unknown>;

const ignore = (deliveryId: string | null, event: string, reason: string): ParsedDelivery => ({ deliveryId, event, effects: [], ignoredReason: reason });

const later = (a: string, b: string) => (Date.parse(a) >= Date.parse(b) ? a : b);

/** Opsgenie sends createdAt in ms but updatedAt in ns; the magnitude tells the unit (s … ns) apart. */
function epochTime(value: unknown, path: string): string {
  const n = typeof value === "string" && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof n !== "number" || !Number.isFinite(n) || n <= 0) throw new PayloadError(`${path} is missing or not an epoch time`);
  const ms = n >= 1e17 ? n / 1e6 : n >= 1e14 ? n / 1e3 : n >= 1e11 ? n : n * 1000;
  const at = new Date(Math.floor(ms));
  if (Number.isNaN(at.getTime())) throw new PayloadError(`${path} ${clip(String(value), 40)} is beyond any date`);
  return at.toISOString();
}

/** "P2", or the bare number some senders use. */
function priorityName(value: unknown): string | undefined {
  if (typeof value === "number") return `P${value}`;
  return optStr(value)?.toUpperCase();
}

/** The service is keyed by what cannot change during an alert's life (tags and teams can), so every event of one alert lands on one service. */
function serviceName(payload: Json, alert: Json): string {
  return optStr(alert.entity)?.trim() || optStr(payload.integrationName)?.trim() || "opsgenie";
}

function fullBody(payload: Json, alert: Json, priority: string, config: IntegrationConfig): Record<string, unknown> {
  const title = incidentTitle(str(alert.message, "alert.message"));
  if (!title) throw new PayloadError("alert.message is empty");
  return {
    title,
    service: mapService(config, serviceName(payload, alert)),
    severity: own(config.severityMap, priority) ?? own(PRIORITY_SEVERITY, priority) ?? "SEV3",
    startedAt: epochTime(alert.createdAt, "alert.createdAt"),
    externalId: `opsgenie:${str(alert.alertId, "alert.alertId")}`,
  };
}

/**
 * Create always makes a full incident (P3 is Opsgenie's own default priority). Acknowledge/Close
 * payloads may omit the priority; a guessed severity would overwrite the real one, so then only
 * the change is sent. No status on Create: a late redelivery must not reopen a closed incident.
 */
function effectFor(action: string, payload: Json, alert: Json, config: IntegrationConfig): WebhookEffect {
  const priority = priorityName(alert.priority);
  if (action === "Create") return { kind: "incident", body: fullBody(payload, alert, priority ?? "P3", config) };
  const at = epochTime(alert.updatedAt, "alert.updatedAt");
  if (!priority) {
    const patch = action === "Acknowledge" ? { acknowledgedAt: at } : { status: "resolved", resolvedAt: at };
    return { kind: "incident-update", externalId: `opsgenie:${str(alert.alertId, "alert.alertId")}`, patch };
  }
  const body = fullBody(payload, alert, priority, config);
  const clamped = later(at, body.startedAt as string);
  return { kind: "incident", body: { ...body, ...(action === "Acknowledge" ? { acknowledgedAt: clamped } : { status: "resolved", resolvedAt: clamped }) } };
}

function deliveryIdOf(alert: unknown, action: string): string | null {
  const fields = typeof alert === "object" && alert !== null ? (alert as Json) : {};
  const alertId = optStr(fields.alertId);
  const updatedAt = optStr(fields.updatedAt);
  if (!alertId) return null;
  return updatedAt ? `${alertId}:${action}:${updatedAt}` : `${alertId}:${action}`;
}

/**
 * Opsgenie outgoing webhooks: an alert's Create, Acknowledge and Close become one Tandem incident per
 * alert id; other actions (notes, tags, escalations…) are ignored.
 */
export const parseOpsgenie: WebhookParser = ({ body, config }) => {
  const payload = obj(body, "body");
  const action = str(payload.action, "action");
  const deliveryId = deliveryIdOf(payload.alert, action);
  if (!USED_ACTIONS.has(action)) return ignore(deliveryId, action, `action ${action} is not used`);
  return { deliveryId, event: action, effects: [effectFor(action, payload, obj(payload.alert, "alert"), config)] };
};
