import { describe, expect, it } from "vitest";
import { incidentCreateSchema } from "@/lib/incidents/schema";
import { parseAlertmanager } from "./alertmanager";
import { fixture } from "./fixtures";
import { DEFAULT_CONFIG, PayloadError, type IntegrationConfig, type WebhookEffect } from "./types";

type Alert = { status: string; labels: Record<string, string>; annotations: Record<string, string>; startsAt: string; endsAt: string; fingerprint: string };
type Payload = { status: string; groupKey: string; alerts: Alert[] } & Record<string, unknown>;

const load = () => fixture("alertmanager", "alert.firing.json") as Payload;
const parse = (body: unknown, config: Partial<IntegrationConfig> = {}) => parseAlertmanager({ headers: new Headers(), body, config: { ...DEFAULT_CONFIG, ...config } });
const bodies = (effects: WebhookEffect[]) => effects.map((e) => (e as { kind: "incident"; body: Record<string, unknown> }).body);

/** The fixture with its alerts changed: one patch per alert, or one for all. */
function withAlerts(patch: Partial<Alert> | Partial<Alert>[], group: Partial<Payload> = {}): Payload {
  const p = load();
  const alerts = p.alerts.map((a, i) => ({ ...a, ...(Array.isArray(patch) ? patch[i] : patch) }));
  return { ...p, ...group, alerts };
}

function expectValid(effects: WebhookEffect[]) {
  for (const e of effects) {
    expect(e.kind).toBe("incident");
    expect(() => incidentCreateSchema.parse((e as { body: unknown }).body)).not.toThrow();
  }
}

const FIRST = "alertmanager:a1bc48475b20e73d:2020-02-06T00:17:58.432Z";
const SECOND = "alertmanager:c2ea85182f28cbd9:2020-02-06T00:17:58.432Z";
const COMMON = { title: "High CPU core temperature", service: "high-cpu-temperature", severity: "SEV2", startedAt: "2020-02-06T00:17:58.432Z" };

describe("Alertmanager webhooks: the fixture", () => {
  it("a firing group → one incident per alert, keyed by fingerprint and start; no status, so repeats keep it", () => {
    const p = parse(load());
    expect(p.event).toBe("alert.firing");
    expect(p.deliveryId).toMatch(/^firing:[0-9a-f]{32}$/);
    expect(p.ignoredReason).toBeUndefined();
    expect(p.effects).toEqual([
      { kind: "incident", body: { ...COMMON, externalId: FIRST } },
      { kind: "incident", body: { ...COMMON, externalId: SECOND } },
    ]);
    expectValid(p.effects);
  });
});

describe("Alertmanager webhooks: resolution", () => {
  it("resolved alerts with a real endsAt resolve the same externalIds", () => {
    const p = parse(withAlerts({ status: "resolved", endsAt: "2020-02-06T00:47:58.432911368Z" }, { status: "resolved" }));
    expect(p.event).toBe("alert.resolved");
    expect(p.effects).toEqual([
      { kind: "incident", body: { ...COMMON, externalId: FIRST, status: "resolved", resolvedAt: "2020-02-06T00:47:58.432Z" } },
      { kind: "incident", body: { ...COMMON, externalId: SECOND, status: "resolved", resolvedAt: "2020-02-06T00:47:58.432Z" } },
    ]);
    expectValid(p.effects);
  });

  it("follows each alert's own status in a group that is still firing", () => {
    const p = parse(withAlerts([{}, { status: "resolved", endsAt: "2020-02-06T01:00:00Z" }]));
    expect(bodies(p.effects).map((b) => [b.externalId, b.status, b.resolvedAt])).toEqual([
      [FIRST, undefined, undefined],
      [SECOND, "resolved", "2020-02-06T01:00:00.000Z"],
    ]);
  });

  it("clamps an endsAt before startsAt to the start", () => {
    const p = parse(withAlerts({ status: "resolved", endsAt: "2020-02-06T00:00:00Z" }, { status: "resolved" }));
    expect(bodies(p.effects)[0]).toMatchObject({ resolvedAt: "2020-02-06T00:17:58.432Z" });
    expectValid(p.effects);
  });

  it("the same alert firing again later is a new incident", () => {
    const again = bodies(parse(withAlerts({ startsAt: "2020-03-01T10:00:00Z" })).effects)[0]!;
    expect(again.externalId).toBe("alertmanager:a1bc48475b20e73d:2020-03-01T10:00:00.000Z");
  });
});

describe("Alertmanager webhooks: delivery ids", () => {
  it("are stable for the same notification, whatever the alerts' order", () => {
    const p = load();
    const reordered = { ...p, alerts: [...p.alerts].reverse() };
    expect(parse(reordered).deliveryId).toBe(parse(load()).deliveryId);
  });

  it("change when the status or any alert changes", () => {
    const first = parse(load()).deliveryId;
    expect(parse(withAlerts([{}, { status: "resolved", endsAt: "2020-02-06T01:00:00Z" }])).deliveryId).not.toBe(first);
    expect(parse({ ...load(), groupKey: "{}:{alertname=\"x\"}" }).deliveryId).not.toBe(first);
    expect(parse(withAlerts({ status: "resolved", endsAt: "2020-02-06T01:00:00Z" }, { status: "resolved" })).deliveryId).toMatch(/^resolved:/);
  });
});

describe("Alertmanager webhooks: config", () => {
  it("alertMatchers keep only alerts whose labels match all of them", () => {
    expect(parse(load(), { alertMatchers: { host: "andromeda", severity: "critical" } }).effects).toHaveLength(2);
    const one = parse(withAlerts([{}, { labels: { alertname: "High CPU Temperature", host: "orion", severity: "critical" } }]), { alertMatchers: { host: "orion" } });
    expect(bodies(one.effects).map((b) => b.externalId)).toEqual([SECOND]);
  });

  it("ignores a delivery when no alert matches, or it has none", () => {
    const p = parse(load(), { alertMatchers: { host: "andromeda", team: "payments" } });
    expect(p).toEqual({ deliveryId: parse(load()).deliveryId, event: "alert.firing", effects: [], ignoredReason: "no alert matches the integration's alert matchers" });
    expect(parse({ ...load(), alerts: [] })).toMatchObject({ effects: [], ignoredReason: "the delivery carries no alerts" });
  });

  it("severity from severityLabel through severityMap, else critical→SEV2, warning→SEV3, info→SEV4, other→SEV3", () => {
    const sev = (labels: Record<string, string>, config: Partial<IntegrationConfig> = {}) =>
      bodies(parse(withAlerts({ labels: { alertname: "a", ...labels } }), config).effects)[0]!.severity;
    expect([sev({ severity: "critical" }), sev({ severity: "warning" }), sev({ severity: "info" }), sev({ severity: "page" }), sev({})]).toEqual(["SEV2", "SEV3", "SEV4", "SEV3", "SEV3"]);
    expect(sev({ severity: "critical" }, { severityMap: { critical: "SEV1" } })).toBe("SEV1");
    expect(sev({ severity: "critical", priority: "info" }, { severityLabel: "priority" })).toBe("SEV4");
    expect(sev({ priority: "p0" }, { severityLabel: "priority", severityMap: { p0: "SEV1" } })).toBe("SEV1");
  });

  it("service from labels.service, then job, then alertname, through serviceMap", () => {
    const service = (labels: Record<string, string>, serviceMap: Record<string, string> = {}) =>
      bodies(parse(withAlerts({ labels: { alertname: "High CPU Temperature", ...labels } }), { serviceMap }).effects)[0]!.service;
    expect(service({ service: "Checkout API", job: "node" })).toBe("checkout-api");
    expect(service({ job: "node-exporter" })).toBe("node-exporter");
    expect(service({})).toBe("high-cpu-temperature");
    expect(service({ job: "node-exporter" }, { "node-exporter": "infra" })).toBe("infra");
  });

  it("title from annotations.summary, else the alert name", () => {
    const p = parse(withAlerts({ annotations: {} }));
    expect(bodies(p.effects)[0]!.title).toBe("High CPU Temperature");
  });
});

describe("Alertmanager webhooks: bad payloads", () => {
  it("throws PayloadError naming what is missing", () => {
    expect(() => parse({ status: "firing" })).toThrow(PayloadError);
    expect(() => parse({ status: "firing" })).toThrow("alerts is missing");
    expect(() => parse({ alerts: [] })).toThrow("status is missing");
    expect(() => parse(withAlerts({ fingerprint: "" }))).toThrow("alerts.0.fingerprint");
    expect(() => parse(withAlerts([{}, { startsAt: "soon" }]))).toThrow("alerts.1.startsAt");
    expect(() => parse(withAlerts({ labels: {}, annotations: {} }))).toThrow("alerts.0.annotations.summary (or labels.alertname) is missing");
  });

  it("a resolved alert still at Go's zero endsAt cannot be resolved", () => {
    expect(() => parse(withAlerts({ status: "resolved" }, { status: "resolved" }))).toThrow("alerts.0.endsAt is missing for a resolved alert");
  });
});
