import { z } from "zod";
import { SEVERITIES, type Severity } from "@/db/schema";
import { own } from "@/lib/records";
import { incidentTitle, MAX_TIME_LENGTH, quote } from "./payload";
import { mapEnvironment, mapService, PayloadError, type IntegrationConfig, type WebhookEffect, type WebhookParser } from "./types";

/*
 * CDEvents (https://cdevents.dev) over CloudEvents: a structured CDEvent body ({context, subject}),
 * binary mode (ce-* headers, the CDEvent or just its data in the body) or a structured CloudEvent
 * ({specversion, type, data}). Only id, source, type and timestamp are read from the context, so the
 * v0.4 (`context.version`) and v0.5 (`context.specversion`) envelopes need no distinction.
 */

type Rec = Record<string, unknown>;

/** What Tandem reads of a CDEvent, wherever the transport put it. */
type CdEvent = { id: string | null; source: string | null; type: string | null; timestamp: string | null; subject: Rec | null; customData: Rec | null };
type NamedEvent = CdEvent & { name: string };
type Outcome = { effects: WebhookEffect[]; ignoredReason?: string };
type Handler = (event: NamedEvent, config: IntegrationConfig) => Outcome;
type Attributes = { id: string | null; source: string | null; type: string | null; time: string | null };

const asRecord = (v: unknown): Rec | null => (typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Rec) : null);
const asText = (v: unknown): string | null => (typeof v === "string" && v.trim() ? v.trim() : null);

function textAt(record: Rec | null, ...path: string[]): string | null {
  let value: unknown = record;
  for (const key of path) value = asRecord(value)?.[key];
  return asText(value);
}

/* Envelope */

function headerAttributes(headers: Headers): Attributes | null {
  if (!headers.has("ce-type") && !headers.has("ce-specversion")) return null;
  return { id: asText(headers.get("ce-id")), source: asText(headers.get("ce-source")), type: asText(headers.get("ce-type")), time: asText(headers.get("ce-time")) };
}

function unwrap(headers: Headers, body: Rec): { attributes: Attributes | null; data: Rec } {
  const binary = headerAttributes(headers);
  if (binary) return { attributes: binary, data: body };
  // A CDEvent's own specversion lives in `context`; one at the top level means a CloudEvent wraps it.
  if (typeof body.specversion === "string" && !("context" in body)) {
    return { attributes: { id: asText(body.id), source: asText(body.source), type: asText(body.type), time: asText(body.time) }, data: asRecord(body.data) ?? {} };
  }
  return { attributes: null, data: body };
}

function readEvent(headers: Headers, body: unknown): CdEvent {
  const outer = asRecord(body);
  if (!outer) throw new PayloadError("The body must be a JSON object holding a CDEvent.");
  const { attributes, data } = unwrap(headers, outer);
  // The CloudEvents binding copies the context into the attributes, so either may be the only one sent.
  const context = asRecord(data.context);
  return {
    id: asText(context?.id) ?? attributes?.id ?? null,
    source: asText(context?.source) ?? attributes?.source ?? null,
    type: asText(context?.type) ?? attributes?.type ?? null,
    timestamp: asText(context?.timestamp) ?? attributes?.time ?? null,
    subject: asRecord(data.subject),
    customData: asRecord(data.customData),
  };
}

const CDEVENTS_TYPE = /^dev\.cdevents\.([a-z]+)\.([a-z]+)(?:\.|$)/i;

function eventName(type: string): string | null {
  const match = CDEVENTS_TYPE.exec(type);
  return match ? `${match[1]}.${match[2]}`.toLowerCase() : null;
}

/* Required data */

function missing(event: NamedEvent, what: string): never {
  throw new PayloadError(`The ${event.name} event has no ${what}.`);
}

const subjectOf = (event: NamedEvent): Rec => event.subject ?? missing(event, "subject");
const idOf = (event: NamedEvent): string => event.id ?? missing(event, "context.id (or ce-id header)");

const isoTimestamp = z.iso.datetime({ offset: true });

function timestampOf(event: NamedEvent): string {
  const timestamp = event.timestamp ?? missing(event, "context.timestamp (or ce-time header)");
  if (timestamp.length > MAX_TIME_LENGTH || !isoTimestamp.safeParse(timestamp).success) {
    throw new PayloadError(`The ${event.name} event's timestamp ${quote(timestamp)} is not an ISO-8601 timestamp with an offset.`);
  }
  return timestamp;
}

/* Names */

type Artifact = { key: string; name: string; version: string | null };

function decode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/** artifactId is a purl, pkg:type/namespace/name@version?qualifiers#subpath; anything else is taken whole. */
function parseArtifact(artifactId: string | null): Artifact | null {
  if (!artifactId) return null;
  if (!artifactId.startsWith("pkg:")) return { key: artifactId, name: artifactId, version: null };
  const end = artifactId.search(/[?#]/);
  const bare = end < 0 ? artifactId : artifactId.slice(0, end);
  const at = bare.lastIndexOf("@");
  const key = at < 0 ? bare : bare.slice(0, at);
  return { key, name: decode(key.split("/").at(-1) ?? key), version: at < 0 ? null : asText(decode(bare.slice(at + 1))) };
}

/** Whichever name the admin mapped wins; unmapped, the first (most telling) one becomes the slug. */
function serviceFor(config: IntegrationConfig, names: (string | null | undefined)[]): string | null {
  const known = names.filter((n): n is string => !!n);
  const first = known[0];
  if (first === undefined) return null;
  return mapService(config, known.find((n) => Object.hasOwn(config.serviceMap, n)) ?? first);
}

const SEVERITY_WORDS: Record<string, Severity> = { critical: "SEV1", high: "SEV2", medium: "SEV3", moderate: "SEV3", low: "SEV4" };

function severityFromText(config: IntegrationConfig, value: string): Severity | undefined {
  const upper = value.toUpperCase();
  const literal = SEVERITIES.find((s) => s === upper);
  return own(config.severityMap, value) ?? own(config.severityMap, value.toLowerCase()) ?? literal ?? own(SEVERITY_WORDS, value.toLowerCase());
}

/** The spec has no severity field; senders put one (or a priority) in customData, as its conformance example does. */
function severityOf(config: IntegrationConfig, customData: Rec | null): Severity {
  for (const field of ["severity", "priority"]) {
    const value = textAt(customData, field);
    const severity = value ? severityFromText(config, value) : undefined;
    if (severity) return severity;
  }
  return "SEV3";
}

/* Handlers */

/**
 * The event's id, not the subject's: the subject is the service, the same for all its deployments. Events
 * other than service.deployed add their name, as senders reuse one id across event types (the spec's
 * conformance examples give a deployment and its rollback one id), and a rollback keyed like the
 * deployment it undoes would overwrite it; service.deployed keeps the bare id its deployments were
 * recorded with, so they are still found.
 */
function deploymentKey(event: NamedEvent): string {
  return event.name === "service.deployed" ? `cdevents:${idOf(event)}` : `cdevents:${event.name}:${idOf(event)}`;
}

function deployment(extra: Rec): Handler {
  return (event, config) => {
    const subject = subjectOf(event);
    const artifact = parseArtifact(textAt(subject, "content", "artifactId"));
    const service = serviceFor(config, [artifact?.name, artifact?.key, asText(subject.id)]) ?? missing(event, "subject.content.artifactId or subject.id");
    const environment = textAt(subject, "content", "environment", "id") ?? missing(event, "subject.content.environment.id");
    const body = {
      service,
      environment: mapEnvironment(config, environment),
      ...(artifact?.version ? { version: artifact.version } : {}),
      status: "success",
      finishedAt: timestampOf(event),
      externalId: deploymentKey(event),
      ...extra,
    };
    return { effects: [{ kind: "deployment", body }] };
  };
}

function incidentId(event: NamedEvent, subject: Rec): string {
  return asText(subject.id) ?? missing(event, "subject.id");
}

const incidentExternalId = (id: string) => `cdevents:incident:${id}`;

function incidentService(config: IntegrationConfig, content: Rec | null): string | null {
  const artifact = parseArtifact(textAt(content, "artifactId"));
  return serviceFor(config, [textAt(content, "service", "id"), artifact?.name, artifact?.key, textAt(content, "environment", "id")]);
}

// No status: a new incident starts investigating, and a redelivered detection must not reopen a resolved one.
// Opening: a report that follows the detection (or comes late) keeps the earlier start.
const incidentOpened: Handler = (event, config) => {
  const subject = subjectOf(event);
  const content = asRecord(subject.content);
  const id = incidentId(event, subject);
  const title = textAt(content, "description") ?? textAt(content, "ticketURI") ?? id;
  const body = {
    title: incidentTitle(title),
    service: incidentService(config, content) ?? missing(event, "subject.content.service.id, artifactId or environment.id"),
    severity: severityOf(config, event.customData),
    startedAt: timestampOf(event),
    externalId: incidentExternalId(id),
  };
  return { effects: [{ kind: "incident", body, opening: true }] };
};

// An update, not a full incident: the event carries no start time, and creating one would fake a zero-length incident.
const incidentResolved: Handler = (event) => {
  const subject = subjectOf(event);
  const patch = { status: "resolved", resolvedAt: timestampOf(event) };
  return { effects: [{ kind: "incident-update", externalId: incidentExternalId(incidentId(event, subject)), patch }] };
};

// Full shas only: a short one cannot be matched to deployed shas, and a numeric change id would pass as hex.
const FULL_SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/i;

const changeMerged: Handler = (event, config) => {
  const subject = subjectOf(event);
  const id = asText(subject.id) ?? missing(event, "subject.id");
  if (!FULL_SHA.test(id)) return { effects: [], ignoredReason: `change ${id} is not named by a commit sha, so there is no commit to record` };
  const repository = textAt(subject, "content", "repository", "id") ?? missing(event, "subject.content.repository.id");
  const sha = id.toLowerCase();
  const at = new Date(timestampOf(event));
  // CDEvents names no target branch; the repository is the most precise ref it gives. The parent is unknown.
  const push = { service: mapService(config, repository), ref: repository, before: null, after: sha, forced: false, commits: [{ sha, timestamp: at }], at };
  return { effects: [{ kind: "push", push }] };
};

const HANDLERS: Record<string, Handler> = {
  "service.deployed": deployment({}),
  "service.upgraded": deployment({}),
  // No rollbackOf: the event names the artifact rolled back to, never the deployment it undoes.
  "service.rolledback": deployment({ unplanned: true }),
  "incident.detected": incidentOpened,
  "incident.reported": incidentOpened,
  "incident.resolved": incidentResolved,
  "change.merged": changeMerged,
};

/**
 * CloudEvents make an event unique by its source and id, which a redelivery keeps. The type is added
 * because senders reuse one id across the event types of one source (the spec's conformance examples
 * do, for an incident's detection and resolution), and each of those events must be applied.
 */
const deliveryIdOf = (event: CdEvent): string | null => (event.id === null ? null : JSON.stringify([event.source, event.id, event.type]));

export const parseCdEvents: WebhookParser = ({ headers, body, config }) => {
  const event = readEvent(headers, body);
  if (!event.type) throw new PayloadError("Not a CDEvent: there is no context.type (or ce-type header).");
  const deliveryId = deliveryIdOf(event);
  const name = eventName(event.type);
  if (!name) return { deliveryId, event: event.type, effects: [], ignoredReason: `event type ${event.type} is not a CDEvents type` };
  const handler = own(HANDLERS, name);
  if (!handler) return { deliveryId, event: name, effects: [], ignoredReason: `event ${name} is not used` };
  return { deliveryId, event: name, ...handler({ ...event, name }, config) };
};
