import type { Severity } from "@/db/schema";
import type { PushInput } from "@/lib/ingest/pushes";
import { own } from "@/lib/records";

export const WEBHOOK_SOURCES = ["github", "gitlab", "pagerduty", "opsgenie", "alertmanager", "cdevents"] as const;
export type WebhookSource = (typeof WEBHOOK_SOURCES)[number];

/** What an admin sets per integration to map another tool's world onto Tandem's. */
export type IntegrationConfig = {
  /** Repository ("owner/name"), PagerDuty/Opsgenie service or CDEvents subject → Tandem service slug. Unmapped names are slugified. */
  serviceMap: Record<string, string>;
  /** The tool's environment name → Tandem environment (lower-case). Unmapped names are lower-cased. */
  environmentMap: Record<string, string>;
  /** GitHub: names of workflows whose runs are deployments. GitLab: true to treat pipelines as deployments. */
  deploymentWorkflows: string[];
  pipelinesAsDeployments: boolean;
  /** PagerDuty priority name (P1…) or urgency (high/low), Opsgenie priority (P1…P5), alert severity label value → severity. */
  severityMap: Record<string, Severity>;
  /** Alertmanager: only alerts whose labels match all of these open incidents (empty: every alert). */
  alertMatchers: Record<string, string>;
  /** Alertmanager: the label that holds the severity (looked up in severityMap; default SEV3). */
  severityLabel: string;
  /** GitHub: the GitHub App's id Tandem answers deployment protection rules as (empty: it does not answer). */
  appId: string;
  /** The tool's REST API root (empty: https://api.github.com or https://gitlab.com/api/v4). */
  apiBaseUrl: string;
};

export const DEFAULT_CONFIG: IntegrationConfig = {
  serviceMap: {},
  environmentMap: {},
  deploymentWorkflows: [],
  pipelinesAsDeployments: false,
  severityMap: {},
  alertMatchers: {},
  severityLabel: "severity",
  appId: "",
  apiBaseUrl: "",
};

/** A deployment the tool holds until Tandem answers, and where that answer goes. */
export type ProtectionAsk = {
  externalKey: string;
  service: string;
  environment: string;
  changeRequest: number | null;
  sha: string | null;
  version: string | null;
  target: Record<string, string>;
};

/**
 * One thing a delivery asks Tandem to do. `deployment` and `incident` carry bodies shaped exactly like
 * POST /api/v1/deployments and POST /api/v1/incidents (timestamps as ISO strings), validated by the
 * same schemas; their externalId makes redeliveries and later events update the same record.
 * `incident-update` changes an incident only if Tandem already knows it (by externalId).
 */
export type WebhookEffect =
  | { kind: "deployment"; body: Record<string, unknown> }
  | { kind: "push"; push: PushInput }
  /** `opening`: a detection or report of an incident that may already be known, which never moves its start later. */
  | { kind: "incident"; body: Record<string, unknown>; opening?: boolean }
  | { kind: "incident-update"; externalId: string; patch: Record<string, unknown> }
  /** The tool reopened the incident: a resolved one goes back to investigating; an open one stays as it is. */
  | { kind: "incident-reopen"; externalId: string }
  /** The tool waits for the gate's answer (see protection.ts). */
  | { kind: "protection"; ask: ProtectionAsk };

/**
 * A parsed delivery: its id, the event's name, and what to do (nothing: ignored). GitHub and GitLab
 * name a delivery in a header, which a sender may change: `payloadId` is then the event's own identity
 * as its payload states it (e.g. a push's repository, ref and shas), the same whatever its delivery
 * id, so receive.ts applies it once. The other sources' ids are read from the payload already: an
 * Alertmanager notification's group, status and alerts; an Opsgenie alert's id, action and update
 * time; a PagerDuty event id; a CDEvent's context source, id and type (ce-* headers only when the body
 * has none).
 */
export type ParsedDelivery = { deliveryId: string | null; payloadId?: string; event: string; effects: WebhookEffect[]; ignoredReason?: string };

/** Parsers are pure: headers and the parsed JSON body in, effects out. Signatures are checked before. */
export type WebhookParser = (input: { headers: Headers; body: unknown; config: IntegrationConfig }) => ParsedDelivery;

/** Thrown by a parser for a payload it cannot use although its event type is one Tandem handles (→ 400). */
export class PayloadError extends Error {
  override name = "PayloadError";
}

/** `My Service` → `my-service`: how an unmapped name becomes a service slug. */
export function slugify(name: string): string {
  const dashed = name.toLowerCase().replace(/[^a-z0-9]+/g, "-");
  // Leading and trailing dashes cut by index: /-+$/ would retry from every dash (quadratic on "-" * n + "a").
  const from = dashed.startsWith("-") ? 1 : 0;
  const to = dashed.endsWith("-") && dashed.length > from ? dashed.length - 1 : dashed.length;
  return dashed.slice(from, to).slice(0, 64) || "unknown";
}

export function mapService(config: IntegrationConfig, name: string): string {
  return own(config.serviceMap, name) ?? slugify(name.includes("/") ? name.split("/").at(-1)! : name);
}

export function mapEnvironment(config: IntegrationConfig, name: string): string {
  return own(config.environmentMap, name) ?? name.toLowerCase();
}

/**
 * The change request a deployment names: `change:123` (or `change #123`) in a text the pipeline sets, e.g. a
 * GitHub deployment's description or a GitLab deployment's commit title.
 */
export function changeFromText(text: string | undefined): number | null {
  const match = text?.match(/\bchange\s*[:#]\s*(\d{1,9})\b/i);
  return match ? Number(match[1]) : null;
}
