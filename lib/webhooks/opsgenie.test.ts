import { describe, expect, it } from "vitest";
import { incidentCreateSchema, incidentPatchSchema } from "@/lib/incidents/schema";
import { fixture } from "./fixtures";
import { parseOpsgenie } from "./opsgenie";
import { DEFAULT_CONFIG, PayloadError, type IntegrationConfig, type WebhookEffect } from "./types";

type Payload = { action: string; alert: Record<string, unknown> } & Record<string, unknown>;

const load = (name: string) => fixture("opsgenie", name) as Payload;
const parse = (body: unknown, config: Partial<IntegrationConfig> = {}) => parseOpsgenie({ headers: new Headers(), body, config: { ...DEFAULT_CONFIG, ...config } });
const withAlert = (name: string, alert: Record<string, unknown>, rest: Record<string, unknown> = {}): Payload => {
  const p = load(name);
  return { ...p, ...rest, alert: { ...p.alert, ...alert } };
};
const bodyOf = (e: WebhookEffect | undefined) => (e as { kind: "incident"; body: Record<string, unknown> }).body;

function expectValid(effects: WebhookEffect[]) {
  for (const e of effects) {
    if (e.kind === "incident") expect(() => incidentCreateSchema.parse(e.body)).not.toThrow();
    else if (e.kind === "incident-update") expect(() => incidentPatchSchema.parse(e.patch)).not.toThrow();
    else throw new Error(`unexpected effect ${e.kind}`);
  }
}

// Delivery ids carry updatedAt as JSON.parse reads it: ns beyond 2^53 lose their last digits, the same way every time.
describe("Opsgenie webhooks: the fixtures", () => {
  it("Create → a new incident started at createdAt (ms), service from the entity, severity from the numeric priority", () => {
    const p = parse(load("create.json"));
    expect(p).toEqual({
      deliveryId: "ec03dad6-62c8-4c94-b38b-d88f398e900f:Create:1502709956288000000",
      event: "Create",
      effects: [
        {
          kind: "incident",
          body: { title: "another alert", service: "server", severity: "SEV3", startedAt: "2017-08-14T11:25:56.288Z", externalId: "opsgenie:ec03dad6-62c8-4c94-b38b-d88f398e900f" },
        },
      ],
    });
    expectValid(p.effects);
  });

  it("Acknowledge without a priority → only acknowledgedAt, from updatedAt (ns)", () => {
    const p = parse(load("acknowledge.json"));
    expect(p).toEqual({
      deliveryId: "052652ac-5d1c-464a-812a-7dd18bbfba8c:Acknowledge:1420452224764002300",
      event: "Acknowledge",
      effects: [{ kind: "incident-update", externalId: "opsgenie:052652ac-5d1c-464a-812a-7dd18bbfba8c", patch: { acknowledgedAt: "2015-01-05T10:03:44.764Z" } }],
    });
    expectValid(p.effects);
  });

  it("Close without a priority → only the resolution", () => {
    const p = parse(load("close.json"));
    expect(p).toEqual({
      deliveryId: "052652ac-5d1c-464a-812a-7dd18bbfba8c:Close:1420452374669001700",
      event: "Close",
      effects: [{ kind: "incident-update", externalId: "opsgenie:052652ac-5d1c-464a-812a-7dd18bbfba8c", patch: { status: "resolved", resolvedAt: "2015-01-05T10:06:14.669Z" } }],
    });
    expectValid(p.effects);
  });
});

describe("Opsgenie webhooks: behaviour", () => {
  it("Acknowledge and Close with a priority → full bodies on the alert's incident, times after the start", () => {
    const ack = parse(withAlert("acknowledge.json", { priority: "P1" })).effects;
    const close = parse(withAlert("close.json", { priority: "P1" })).effects;
    const common = { title: "test alert", service: "integration1", severity: "SEV1", startedAt: "2015-01-05T10:03:11.104Z", externalId: "opsgenie:052652ac-5d1c-464a-812a-7dd18bbfba8c" };
    expect(ack).toEqual([{ kind: "incident", body: { ...common, acknowledgedAt: "2015-01-05T10:03:44.764Z" } }]);
    expect(close).toEqual([{ kind: "incident", body: { ...common, status: "resolved", resolvedAt: "2015-01-05T10:06:14.669Z" } }]);
    expectValid([...ack, ...close]);
  });

  it("clamps an acknowledgement stamped before the alert's creation to the start", () => {
    const body = bodyOf(parse(withAlert("acknowledge.json", { priority: "P2", updatedAt: 1420452000000000000 })).effects[0]);
    expect(body.acknowledgedAt).toBe(body.startedAt);
  });

  it("ignores actions Tandem does not use", () => {
    const p = parse({ ...load("acknowledge.json"), action: "AddNote" });
    expect(p).toEqual({ deliveryId: "052652ac-5d1c-464a-812a-7dd18bbfba8c:AddNote:1420452224764002300", event: "AddNote", effects: [], ignoredReason: "action AddNote is not used" });
    expect(parse({ action: "TakeOwnership" }).effects).toEqual([]);
  });

  it("throws PayloadError naming what a used action lacks", () => {
    expect(() => parse({ action: "Create" })).toThrow(PayloadError);
    expect(() => parse({ action: "Create" })).toThrow("alert is missing");
    expect(() => parse(withAlert("create.json", { message: undefined }))).toThrow("alert.message");
    expect(() => parse(withAlert("create.json", { createdAt: "yesterday" }))).toThrow("alert.createdAt");
    expect(() => parse(withAlert("close.json", { updatedAt: undefined }))).toThrow("alert.updatedAt");
    expect(() => parse({ alert: {} })).toThrow("action is missing");
  });

  it("refuses an epoch time beyond any date instead of failing on it (once a 500)", () => {
    expect(() => parse(withAlert("create.json", { createdAt: 1e308 }))).toThrow(new PayloadError("alert.createdAt 1e+308 is beyond any date"));
    expect(() => parse(withAlert("close.json", { updatedAt: "9".repeat(30) }))).toThrow("alert.updatedAt 999999999999999999999999999999 is beyond any date");
  });

  it("serviceMap maps the entity; without an entity the integration name is the service", () => {
    expect(bodyOf(parse(load("create.json"), { serviceMap: { Server: "checkout" } }).effects[0]).service).toBe("checkout");
    const noEntity = withAlert("create.json", { entity: "" }, { integrationName: "Payments Webhook" });
    expect(bodyOf(parse(noEntity).effects[0]).service).toBe("payments-webhook");
    expect(bodyOf(parse(noEntity, { serviceMap: { "Payments Webhook": "payments" } }).effects[0]).service).toBe("payments");
    expect(bodyOf(parse(withAlert("create.json", { entity: "" }, { integrationName: undefined })).effects[0]).service).toBe("opsgenie");
  });

  it("severity: P1…P5 by default, overridable by severityMap, P3 when Create has no priority", () => {
    const sev = (priority: unknown, severityMap: IntegrationConfig["severityMap"] = {}) => bodyOf(parse(withAlert("create.json", { priority }), { severityMap }).effects[0]).severity;
    expect([sev("P1"), sev("P2"), sev("P3"), sev("P4"), sev("P5"), sev(1)]).toEqual(["SEV1", "SEV2", "SEV3", "SEV4", "SEV4", "SEV1"]);
    expect(sev("P3", { P3: "SEV2" })).toBe("SEV2");
    expect(sev(undefined)).toBe("SEV3");
  });

  it("every action of one alert names the same externalId", () => {
    const alertId = "052652ac-5d1c-464a-812a-7dd18bbfba8c";
    const ids = [parse(withAlert("create.json", { alertId })), parse(load("acknowledge.json")), parse(load("close.json"))].map((p) => {
      const e = p.effects[0]!;
      return e.kind === "incident-update" ? e.externalId : bodyOf(e).externalId;
    });
    expect(ids).toEqual(Array(3).fill(`opsgenie:${alertId}`));
  });
});
