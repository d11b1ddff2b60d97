import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { deploymentInputSchema } from "@/lib/ingest/schema";
import { incidentCreateSchema, incidentPatchSchema } from "@/lib/incidents/schema";
import { parseCdEvents } from "./cdevents";
import { DEFAULT_CONFIG, PayloadError, type IntegrationConfig, type ParsedDelivery, type WebhookEffect } from "./types";
import { fixturesDir } from "./fixtures";

type Rec = Record<string, unknown>;

const FIXTURES = fixturesDir("cdevents");
const fixture = (name: string): Rec => JSON.parse(readFileSync(path.join(FIXTURES, name), "utf8")) as Rec;

const parse = (body: unknown, o: { headers?: Record<string, string>; config?: Partial<IntegrationConfig> } = {}) =>
  parseCdEvents({ headers: new Headers(o.headers), body, config: { ...DEFAULT_CONFIG, ...o.config } });

const contextOf = (event: Rec) => event.context as Rec;
const subjectOf = (event: Rec) => event.subject as Rec;
const contentOf = (event: Rec) => subjectOf(event).content as Rec;

/** The same event in CloudEvents binary mode: context in ce-* headers, only the data in the body. */
function binary(event: Rec): { headers: Record<string, string>; body: Rec } {
  const ctx = contextOf(event);
  const headers = { "ce-specversion": "1.0", "ce-id": String(ctx.id), "ce-type": String(ctx.type), "ce-source": String(ctx.source), "ce-time": String(ctx.timestamp) };
  return { headers, body: { subject: event.subject, customData: event.customData } };
}

/** Every body must be one the API accepts. */
function expectValid(effects: WebhookEffect[]) {
  for (const effect of effects) {
    if (effect.kind === "deployment") deploymentInputSchema.parse(effect.body);
    if (effect.kind === "incident") incidentCreateSchema.parse(effect.body);
    if (effect.kind === "incident-update") incidentPatchSchema.parse(effect.patch);
  }
}

const DIGEST = "sha256:0b31b1c02ff458ad9b7b81cbdf8f028bd54699fa151f221d1e8de6817db93427";
const DEPLOYED = {
  service: "myapp",
  environment: "test123",
  version: DIGEST,
  status: "success",
  finishedAt: "2023-03-20T14:27:05.315384Z",
  externalId: "cdevents:271069a8-fc18-44f1-b38f-9d70a1695819",
};
const INCIDENT = {
  title: "Response time above threshold of 100ms",
  service: "myapp",
  severity: "SEV3",
  startedAt: "2022-11-11T13:52:20.079Z",
  externalId: "cdevents:incident:incident-123",
};
const SHA = "0123456789abcdef0123456789abcdef01234567";

/** A delivery's identity: the event's source, id and type. */
const delivery = (source: string, id: string, type: string) => JSON.stringify([source, id, type]);
const PIPELINE = "/event/source/123";
const PIPELINE_ID = "271069a8-fc18-44f1-b38f-9d70a1695819";
const MONITOR = "/monitoring/prod1";
const MONITOR_ID = "F4BD2B55-B6F6-4F44-AF72-BD2D0E7A8708";

const EXPECTED: Record<string, ParsedDelivery> = {
  "service_deployed.json": {
    deliveryId: delivery(PIPELINE, PIPELINE_ID, "dev.cdevents.service.deployed.0.3.0"),
    event: "service.deployed",
    effects: [{ kind: "deployment", body: DEPLOYED }],
  },
  "service_rolledback.json": {
    deliveryId: delivery(PIPELINE, PIPELINE_ID, "dev.cdevents.service.rolledback.0.3.0"),
    event: "service.rolledback",
    effects: [{ kind: "deployment", body: { ...DEPLOYED, unplanned: true, externalId: `cdevents:service.rolledback:${PIPELINE_ID}` } }],
  },
  "incident_detected.json": {
    deliveryId: delivery(MONITOR, MONITOR_ID, "dev.cdevents.incident.detected.0.3.0"),
    event: "incident.detected",
    effects: [{ kind: "incident", body: INCIDENT, opening: true }],
  },
  "incident_reported.json": {
    deliveryId: delivery(MONITOR, MONITOR_ID, "dev.cdevents.incident.reported.0.3.0"),
    event: "incident.reported",
    effects: [{ kind: "incident", body: INCIDENT, opening: true }],
  },
  "incident_resolved.json": {
    deliveryId: delivery(MONITOR, MONITOR_ID, "dev.cdevents.incident.resolved.0.3.0"),
    event: "incident.resolved",
    effects: [{ kind: "incident-update", externalId: "cdevents:incident:incident-123", patch: { status: "resolved", resolvedAt: "2022-11-11T13:52:20.079Z" } }],
  },
  "change_merged.json": {
    deliveryId: delivery(PIPELINE, PIPELINE_ID, "dev.cdevents.change.merged.0.3.0"),
    event: "change.merged",
    effects: [],
    ignoredReason: "change mySubject123 is not named by a commit sha, so there is no commit to record",
  },
  "pipelinerun_finished.json": {
    deliveryId: delivery(PIPELINE, PIPELINE_ID, "dev.cdevents.pipelinerun.finished.0.3.0"),
    event: "pipelinerun.finished",
    effects: [],
    ignoredReason: "event pipelinerun.finished is not used",
  },
  "approval_created.json": {
    deliveryId: delivery(PIPELINE, PIPELINE_ID, "dev.cdevents.approval.created.0.1.0"),
    event: "approval.created",
    effects: [],
    ignoredReason: "event approval.created is not used",
  },
  "approval_closed.json": {
    deliveryId: delivery(PIPELINE, "471069a8-fc18-44f1-b38f-9d70a1695821", "dev.cdevents.approval.closed.0.1.0"),
    event: "approval.closed",
    effects: [],
    ignoredReason: "event approval.closed is not used",
  },
};
const NAMES = Object.keys(EXPECTED);

/** A merged change named by its commit, which the conformance example is not. */
function mergedCommit(): Rec {
  const event = fixture("change_merged.json");
  subjectOf(event).id = SHA.toUpperCase();
  return event;
}

describe("parseCdEvents: fixtures", () => {
  it("covers every cdevents fixture", () => {
    expect(readdirSync(FIXTURES).filter((f) => f.endsWith(".json")).sort()).toEqual([...NAMES].sort());
  });

  it.each(NAMES)("%s (structured mode)", (name) => {
    const parsed = parse(fixture(name));
    expect(parsed).toEqual(EXPECTED[name]);
    expectValid(parsed.effects);
  });

  it.each(NAMES)("%s (binary mode) yields the same delivery", (name) => {
    const { headers, body } = binary(fixture(name));
    expect(parse(body, { headers })).toEqual(EXPECTED[name]);
  });

  it.each(NAMES)("%s (binary mode with the whole CDEvent as data) yields the same delivery", (name) => {
    const event = fixture(name);
    expect(parse(event, { headers: binary(event).headers })).toEqual(EXPECTED[name]);
  });

  it.each(NAMES)("%s (structured CloudEvent wrapping it) yields the same delivery", (name) => {
    const event = fixture(name);
    const ctx = contextOf(event);
    const envelope = { specversion: "1.0", id: ctx.id, type: ctx.type, source: ctx.source, time: ctx.timestamp, datacontenttype: "application/json", data: { subject: event.subject, customData: event.customData } };
    expect(parse(envelope)).toEqual(EXPECTED[name]);
    expect(parse({ ...envelope, data: event })).toEqual(EXPECTED[name]);
  });

  it.each(NAMES)("%s (v0.4 envelope: context.version) yields the same delivery", (name) => {
    const event = fixture(name);
    const { specversion, ...context } = contextOf(event);
    expect(parse({ ...event, context: { version: specversion, ...context } })).toEqual(EXPECTED[name]);
  });
});

describe("parseCdEvents: mapping", () => {
  it("records a merged change named by a full sha as a one-commit push with no known parent", () => {
    const parsed = parse(mergedCommit());
    const at = new Date("2023-03-20T14:27:05.315Z");
    expect(parsed).toEqual({
      deliveryId: EXPECTED["change_merged.json"]!.deliveryId,
      event: "change.merged",
      effects: [{ kind: "push", push: { service: "testorg", ref: "TestRepo/TestOrg", before: null, after: SHA, forced: false, commits: [{ sha: SHA, timestamp: at }], at } }],
    });
  });

  it("treats service.upgraded like service.deployed, keyed by its own name", () => {
    const event = fixture("service_deployed.json");
    contextOf(event).type = "dev.cdevents.service.upgraded.0.2.0";
    expect(parse(event)).toEqual({
      deliveryId: delivery(PIPELINE, PIPELINE_ID, "dev.cdevents.service.upgraded.0.2.0"),
      event: "service.upgraded",
      effects: [{ kind: "deployment", body: { ...DEPLOYED, externalId: `cdevents:service.upgraded:${PIPELINE_ID}` } }],
    });
  });

  it("tells deliveries apart by the event's source, id and type, and nothing else", () => {
    const deliveryOf = (edit: (context: Rec) => void) => {
      const event = fixture("incident_detected.json");
      edit(contextOf(event));
      return parse(event).deliveryId;
    };
    const detected = deliveryOf(() => {});
    expect(deliveryOf((c) => (c.source = "/monitoring/prod2"))).not.toBe(detected);
    expect(deliveryOf((c) => (c.id = "another"))).not.toBe(detected);
    expect(deliveryOf((c) => (c.type = "dev.cdevents.incident.reported.0.3.0"))).not.toBe(detected);
    expect(deliveryOf((c) => (c.timestamp = "2022-11-11T14:00:00Z"))).toBe(detected);
  });

  it("matches the type on subject and predicate whatever the version suffix", () => {
    const event = fixture("service_deployed.json");
    contextOf(event).type = "dev.cdevents.service.deployed.0.1.0-draft";
    expect(parse(event).effects).toEqual(EXPECTED["service_deployed.json"]!.effects);
    contextOf(event).type = "dev.cdevents.service.deployed";
    expect(parse(event).effects).toEqual(EXPECTED["service_deployed.json"]!.effects);
  });

  it("names the service by the artifact's purl name, without a version when the purl has none", () => {
    const event = fixture("service_deployed.json");
    contentOf(event).artifactId = "pkg:npm/%40acme/Billing%20API?repository_url=x#sub";
    const [effect] = parse(event).effects;
    expect(effect).toEqual({ kind: "deployment", body: { ...DEPLOYED, service: "billing-api", version: undefined } });
    expect(effect?.kind === "deployment" && "version" in effect.body).toBe(false);
  });

  it("falls back to the subject id when there is no artifact", () => {
    const event = fixture("service_deployed.json");
    delete contentOf(event).artifactId;
    subjectOf(event).id = "service/checkout";
    const [effect] = parse(event).effects;
    expect(effect).toEqual({ kind: "deployment", body: { service: "checkout", environment: "test123", status: "success", finishedAt: DEPLOYED.finishedAt, externalId: DEPLOYED.externalId } });
  });

  it("uses the payload's severity, through config.severityMap first", () => {
    const reported = fixture("incident_reported.json");
    const severity = (customData: Rec, severityMap: IntegrationConfig["severityMap"] = {}) => {
      const [effect] = parse({ ...reported, customData }, { config: { severityMap } }).effects;
      return effect?.kind === "incident" ? effect.body.severity : null;
    };
    expect(severity({ severity: "medium", priority: "critical" })).toBe("SEV3");
    expect(severity({ priority: "critical" })).toBe("SEV1");
    expect(severity({ severity: "sev2" })).toBe("SEV2");
    expect(severity({ severity: "Low" })).toBe("SEV4");
    expect(severity({ severity: "weird", priority: "P1" }, { P1: "SEV1" })).toBe("SEV1");
    expect(severity({ severity: "medium" }, { medium: "SEV2" })).toBe("SEV2");
    expect(severity({ severity: "constructor" })).toBe("SEV3");
    expect(severity({})).toBe("SEV3");
  });

  it("titles an incident by its ticket, then its id, when it has no description", () => {
    const event = fixture("incident_reported.json");
    delete contentOf(event).description;
    expect(parse(event).effects).toEqual([{ kind: "incident", body: { ...INCIDENT, title: "https://my-issues.example/incidents/ticket-345" }, opening: true }]);
    delete contentOf(event).ticketURI;
    expect(parse(event).effects).toEqual([{ kind: "incident", body: { ...INCIDENT, title: "incident-123" }, opening: true }]);
  });

  it("cuts a long incident title to 200 characters, the ellipsis included", () => {
    const event = fixture("incident_detected.json");
    contentOf(event).description = "x".repeat(300);
    const [effect] = parse(event).effects;
    expect(effect?.kind === "incident" && effect.body.title).toBe(`${"x".repeat(199)}…`);
    expectValid(parse(event).effects);
  });

  it("names an incident's service by its artifact, then its environment, when it has no service", () => {
    const event = fixture("incident_detected.json");
    delete contentOf(event).service;
    expect(parse(event).effects).toEqual([{ kind: "incident", body: INCIDENT, opening: true }]);
    delete contentOf(event).artifactId;
    expect(parse(event).effects).toEqual([{ kind: "incident", body: { ...INCIDENT, service: "prod1" }, opening: true }]);
  });
});

describe("parseCdEvents: config", () => {
  it("maps a deployment's service (by purl, name or subject id) and environment", () => {
    const event = fixture("service_deployed.json");
    const body = (config: Partial<IntegrationConfig>) => {
      const [effect] = parse(event, { config }).effects;
      return effect?.kind === "deployment" ? effect.body : null;
    };
    expect(body({ serviceMap: { "pkg:oci/myapp": "web" } })).toMatchObject({ service: "web" });
    expect(body({ serviceMap: { myapp: "web" } })).toMatchObject({ service: "web" });
    expect(body({ serviceMap: { mySubject123: "web" } })).toMatchObject({ service: "web" });
    expect(body({ environmentMap: { test123: "staging" } })).toMatchObject({ service: "myapp", environment: "staging" });
  });

  it("maps an incident's service", () => {
    const event = fixture("incident_detected.json");
    expect(parse(event, { config: { serviceMap: { myApp: "checkout" } } }).effects).toEqual([{ kind: "incident", body: { ...INCIDENT, service: "checkout" }, opening: true }]);
  });

  it("maps a push's repository to a service", () => {
    const [effect] = parse(mergedCommit(), { config: { serviceMap: { "TestRepo/TestOrg": "api" } } }).effects;
    expect(effect?.kind === "push" && effect.push.service).toBe("api");
  });
});

describe("parseCdEvents: ignored and refused deliveries", () => {
  it("ignores CDEvents Tandem does not use and types that are not CDEvents", () => {
    const event = fixture("service_deployed.json");
    contextOf(event).type = "dev.cdevents.testcaserun.finished.0.2.0";
    expect(parse(event)).toEqual({
      deliveryId: delivery(PIPELINE, PIPELINE_ID, "dev.cdevents.testcaserun.finished.0.2.0"),
      event: "testcaserun.finished",
      effects: [],
      ignoredReason: "event testcaserun.finished is not used",
    });
    contextOf(event).type = "com.example.something";
    expect(parse(event)).toMatchObject({ event: "com.example.something", effects: [], ignoredReason: "event type com.example.something is not a CDEvents type" });
  });

  it("ignores an unused event even when it lacks data", () => {
    expect(parse({ context: { type: "dev.cdevents.pipelinerun.started.0.2.0" } })).toEqual({
      deliveryId: null,
      event: "pipelinerun.started",
      effects: [],
      ignoredReason: "event pipelinerun.started is not used",
    });
  });

  it("refuses a body that is not a CDEvent", () => {
    expect(() => parse([])).toThrow(PayloadError);
    expect(() => parse("text")).toThrow(PayloadError);
    expect(() => parse({ hello: "world" })).toThrow(/no context\.type \(or ce-type header\)/);
  });

  const refusals: [string, string, (event: Rec) => void, RegExp][] = [
    ["service_deployed.json", "no timestamp", (e) => delete contextOf(e).timestamp, /service\.deployed event has no context\.timestamp \(or ce-time header\)/],
    ["service_deployed.json", "a timestamp without an offset", (e) => (contextOf(e).timestamp = "2023-03-20T14:27:05"), /timestamp "2023-03-20T14:27:05" is not an ISO-8601 timestamp with an offset/],
    ["service_deployed.json", "no subject", (e) => delete e.subject, /service\.deployed event has no subject\./],
    ["service_deployed.json", "no environment", (e) => delete contentOf(e).environment, /has no subject\.content\.environment\.id/],
    ["service_deployed.json", "no id", (e) => delete contextOf(e).id, /has no context\.id \(or ce-id header\)/],
    ["service_deployed.json", "no artifact nor subject id", (e) => (e.subject = { content: { environment: { id: "prod" } } }), /has no subject\.content\.artifactId or subject\.id/],
    ["service_rolledback.json", "no timestamp", (e) => delete contextOf(e).timestamp, /service\.rolledback event has no context\.timestamp/],
    ["incident_detected.json", "no subject id", (e) => delete subjectOf(e).id, /incident\.detected event has no subject\.id/],
    ["incident_detected.json", "nothing naming a service", (e) => (subjectOf(e).content = { description: "down" }), /has no subject\.content\.service\.id, artifactId or environment\.id/],
    ["incident_reported.json", "no timestamp", (e) => delete contextOf(e).timestamp, /incident\.reported event has no context\.timestamp/],
    ["incident_resolved.json", "no timestamp", (e) => delete contextOf(e).timestamp, /incident\.resolved event has no context\.timestamp/],
    ["incident_resolved.json", "no subject", (e) => delete e.subject, /incident\.resolved event has no subject\./],
  ];

  it.each(refusals)("refuses %s with %s", (name, _what, damage, message) => {
    const event = fixture(name);
    damage(event);
    expect(() => parse(event)).toThrow(PayloadError);
    expect(() => parse(event)).toThrow(message);
  });

  it("refuses a merged commit with no repository or timestamp", () => {
    const noRepository = mergedCommit();
    subjectOf(noRepository).content = {};
    expect(() => parse(noRepository)).toThrow(/change\.merged event has no subject\.content\.repository\.id/);
    const noTimestamp = mergedCommit();
    delete contextOf(noTimestamp).timestamp;
    expect(() => parse(noTimestamp)).toThrow(PayloadError);
  });

  it("refuses binary mode without ce-time when the body has no context", () => {
    const { headers, body } = binary(fixture("service_deployed.json"));
    const { "ce-time": _time, ...rest } = headers;
    expect(() => parse(body, { headers: rest })).toThrow(/has no context\.timestamp \(or ce-time header\)/);
  });
});
