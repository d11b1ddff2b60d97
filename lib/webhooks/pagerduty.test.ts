import { describe, expect, it } from "vitest";
import { incidentTimeProblems } from "@/lib/incidents/times";
import { incidentCreateSchema, incidentPatchSchema } from "@/lib/incidents/schema";
import { fixture } from "./fixtures";
import { parsePagerDuty } from "./pagerduty";
import { DEFAULT_CONFIG, PayloadError, type IntegrationConfig, type WebhookEffect } from "./types";

type Payload = { event: { id: string; event_type: string; occurred_at: string; data: Record<string, unknown> } };

const load = (name: string) => fixture("pagerduty", name) as Payload;
const parse = (body: unknown, config: Partial<IntegrationConfig> = {}) => parsePagerDuty({ headers: new Headers(), body, config: { ...DEFAULT_CONFIG, ...config } });

/** Every effect must be accepted by the API's own schemas. */
function expectValid(effects: WebhookEffect[]) {
  for (const e of effects) {
    if (e.kind === "incident") expect(() => incidentCreateSchema.parse(e.body)).not.toThrow();
    else if (e.kind === "incident-update") expect(() => incidentPatchSchema.parse(e.patch)).not.toThrow();
    else throw new Error(`unexpected effect ${e.kind}`);
  }
}

function withData(name: string, data: Record<string, unknown>, event: Partial<Payload["event"]> = {}): Payload {
  const p = load(name);
  return { event: { ...p.event, ...event, data: { ...p.event.data, ...data } } };
}

describe("PagerDuty webhooks: the fixtures", () => {
  it("incident.triggered → a new incident started when it was triggered, severity from urgency", () => {
    const p = parse(load("incident.triggered.v3.json"));
    expect(p).toEqual({
      deliveryId: "01BZYIL05THJDFF2Y08X9SVMTU",
      event: "incident.triggered",
      effects: [
        {
          kind: "incident",
          body: { title: "Test Incident 3", service: "pig208", severity: "SEV2", startedAt: "2021-06-04T13:35:29.781Z", externalId: "pagerduty:PFQZPSY" },
        },
      ],
    });
    expectValid(p.effects);
  });

  it("incident.acknowledged without created_at → only the acknowledgement, for a known incident", () => {
    const p = parse(load("incident.acknowledged.v3.json"));
    expect(p).toEqual({
      deliveryId: "01BZYK8N47N5JG55J1EEEHPEJI",
      event: "incident.acknowledged",
      effects: [{ kind: "incident-update", externalId: "pagerduty:PQ1K5C8", patch: { acknowledgedAt: "2021-06-04T13:55:30.394Z" } }],
    });
    expectValid(p.effects);
  });

  it("incident.resolved without created_at → only the resolution", () => {
    const p = parse(load("incident.resolved.v3.json"));
    expect(p).toEqual({
      deliveryId: "01BZYH1JJY09P9LEIST8HG2PMN",
      event: "incident.resolved",
      effects: [{ kind: "incident-update", externalId: "pagerduty:PCPZE64", patch: { status: "resolved", resolvedAt: "2021-06-04T13:16:53.816Z" } }],
    });
    expectValid(p.effects);
  });

  it("incident.priority_updated with created_at → the full incident with the priority's severity", () => {
    const p = parse(load("incident.priority_updated.v3.json"));
    expect(p).toEqual({
      deliveryId: "01GI0KJAEAC3CFEOFSC8BIJF3O",
      event: "incident.priority_updated",
      effects: [
        {
          kind: "incident",
          body: {
            title: "Critical: Checkout API High Latency",
            service: "default-service",
            severity: "SEV2",
            startedAt: "2026-04-01T02:07:30.000Z",
            externalId: "pagerduty:Q3B15VLMF3ASBD",
          },
        },
      ],
    });
    expectValid(p.effects);
  });
});

describe("PagerDuty webhooks: one incident's lifecycle", () => {
  const names = ["incident.triggered.v3.json", "incident.acknowledged.v3.json", "incident.resolved.v3.json"];
  const times = ["2021-06-04T13:00:00.000Z", "2021-06-04T13:05:00.000Z", "2021-06-04T13:30:00.000Z"];

  it("every event of one incident id names the same externalId", () => {
    const ids = names.map((n, i) => {
      const e = parse(withData(n, { id: "PSAME01" }, { occurred_at: times[i] })).effects[0]!;
      expectValid([e]);
      return e.kind === "incident-update" ? e.externalId : (e as { body: Record<string, unknown> }).body.externalId;
    });
    expect(ids).toEqual(["pagerduty:PSAME01", "pagerduty:PSAME01", "pagerduty:PSAME01"]);
  });

  it("with created_at, every event is a full body with the same start and consistent times", () => {
    const bodies = names.map((n, i) => {
      const e = parse(withData(n, { id: "PSAME01", created_at: "2021-06-04T12:59:00Z" }, { occurred_at: times[i] })).effects[0]!;
      expect(e.kind).toBe("incident");
      expectValid([e]);
      return (e as { body: Record<string, unknown> }).body;
    });
    expect(bodies.map((b) => [b.externalId, b.startedAt])).toEqual(Array(3).fill(["pagerduty:PSAME01", "2021-06-04T12:59:00.000Z"]));
    expect(bodies[1]).toMatchObject({ acknowledgedAt: "2021-06-04T13:05:00.000Z" });
    expect(bodies[2]).toMatchObject({ status: "resolved", resolvedAt: "2021-06-04T13:30:00.000Z" });
    const merged = incidentCreateSchema.parse({ ...bodies[0], ...bodies[1], ...bodies[2] });
    expect(incidentTimeProblems({ status: merged.status!, startedAt: merged.startedAt, acknowledgedAt: merged.acknowledgedAt ?? null, resolvedAt: merged.resolvedAt ?? null })).toEqual({});
  });

  it("clamps an acknowledgement or resolution stamped before created_at to the start", () => {
    const late = { created_at: "2021-06-04T14:00:00Z" };
    const ack = parse(withData("incident.acknowledged.v3.json", late)).effects[0] as { body: Record<string, unknown> };
    const res = parse(withData("incident.resolved.v3.json", late)).effects[0] as { body: Record<string, unknown> };
    expect(ack.body).toMatchObject({ startedAt: "2021-06-04T14:00:00.000Z", acknowledgedAt: "2021-06-04T14:00:00.000Z" });
    expect(res.body).toMatchObject({ startedAt: "2021-06-04T14:00:00.000Z", resolvedAt: "2021-06-04T14:00:00.000Z" });
  });

  it("triggered prefers created_at over occurred_at", () => {
    const e = parse(withData("incident.triggered.v3.json", { created_at: "2021-06-04T13:30:00Z" })).effects[0] as { body: Record<string, unknown> };
    expect(e.body.startedAt).toBe("2021-06-04T13:30:00.000Z");
  });
});

describe("PagerDuty webhooks: reopened", () => {
  it("reopens the incident, declaring it first when its start is known", () => {
    const withStart = parse(withData("incident.triggered.v3.json", { id: "PRE1", created_at: "2021-06-04T12:00:00Z" }, { event_type: "incident.reopened" })).effects;
    expect(withStart.map((e) => e.kind)).toEqual(["incident", "incident-reopen"]);
    expect(withStart[1]).toEqual({ kind: "incident-reopen", externalId: "pagerduty:PRE1" });
    expect(parse(withData("incident.triggered.v3.json", { id: "PRE1", created_at: null }, { event_type: "incident.reopened" })).effects).toEqual([{ kind: "incident-reopen", externalId: "pagerduty:PRE1" }]);
  });
});

describe("PagerDuty webhooks: mapping and errors", () => {
  it("ignores event types Tandem does not use", () => {
    const p = parse(withData("incident.triggered.v3.json", {}, { event_type: "incident.annotated" }));
    expect(p).toEqual({ deliveryId: "01BZYIL05THJDFF2Y08X9SVMTU", event: "incident.annotated", effects: [], ignoredReason: "event incident.annotated is not used" });
    expect(parse({ event: { id: "x", event_type: "pagey.ping" } }).effects).toEqual([]);
  });

  it("throws PayloadError naming what a used event lacks", () => {
    const noService = withData("incident.triggered.v3.json", { service: null });
    expect(() => parse(noService)).toThrow(PayloadError);
    expect(() => parse(noService)).toThrow("event.data.service is missing");
    expect(() => parse(withData("incident.triggered.v3.json", { title: "" }))).toThrow("event.data.title");
    expect(() => parse({ event: { id: "x", event_type: "incident.triggered" } })).toThrow("event.data is missing");
    expect(() => parse({ messages: [] })).toThrow(PayloadError);
  });

  it("serviceMap maps the PagerDuty service name", () => {
    const e = parse(load("incident.triggered.v3.json"), { serviceMap: { pig208: "checkout" } }).effects[0] as { body: Record<string, unknown> };
    expect(e.body.service).toBe("checkout");
  });

  it("severity: priority names map by default and through severityMap; urgency when there is no priority", () => {
    const sev = (data: Record<string, unknown>, severityMap: IntegrationConfig["severityMap"] = {}) =>
      (parse(withData("incident.priority_updated.v3.json", data), { severityMap }).effects[0] as { body: Record<string, unknown> }).body.severity;
    expect(sev({ priority: { summary: "P1" } })).toBe("SEV1");
    expect(sev({ priority: { summary: "P5" } })).toBe("SEV4");
    expect(sev({ priority: { summary: "P2" } }, { P2: "SEV1" })).toBe("SEV1");
    expect(sev({ priority: { summary: "Custom" }, urgency: "low" })).toBe("SEV3");
    expect(sev({ priority: null, urgency: "high" })).toBe("SEV2");
    expect(sev({ priority: null, urgency: "low" })).toBe("SEV3");
    expect(sev({ priority: null, urgency: "high" }, { high: "SEV1" })).toBe("SEV1");
  });

  it("priority_updated without created_at → a severity patch", () => {
    const p = parse(withData("incident.priority_updated.v3.json", { created_at: undefined }));
    expect(p.effects).toEqual([{ kind: "incident-update", externalId: "pagerduty:Q3B15VLMF3ASBD", patch: { severity: "SEV2" } }]);
    expectValid(p.effects);
  });

  it("cuts titles to 200 characters, the ellipsis included", () => {
    const e = parse(withData("incident.triggered.v3.json", { title: "x".repeat(300) })).effects[0] as { body: Record<string, unknown> };
    expect(e.body.title).toBe(`${"x".repeat(199)}…`);
    expectValid([e as WebhookEffect]);
  });
});
