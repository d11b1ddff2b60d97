import { describe, expect, it } from "vitest";
import { incidentCreateSchema } from "@/lib/incidents/schema";
import { deploymentInputSchema } from "@/lib/ingest/schema";
import { fixture } from "./fixtures";
import { PARSERS } from "./parsers";
import { DEFAULT_CONFIG, mapEnvironment, mapService, slugify, type IntegrationConfig, type ParsedDelivery, type WebhookSource } from "./types";

/*
 * Issue 15: a service label "constructor" found Object.prototype.constructor in the service map, and the
 * delivery failed with a misleading 400 ("service must be text"). Names from payloads are looked up as
 * own properties only; each prototype name is just a name.
 */
const PROTOTYPE_NAMES = ["constructor", "toString", "__proto__", "hasOwnProperty", "valueOf", "isPrototypeOf"];

const parse = (source: WebhookSource, body: unknown, config: Partial<IntegrationConfig> = {}): ParsedDelivery =>
  PARSERS[source]({ headers: new Headers(source === "github" ? { "x-github-event": "deployment_status", "x-github-delivery": "d1" } : {}), body, config: { ...DEFAULT_CONFIG, ...config } });
const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
/** JSON.parse makes "__proto__" an own key, as a payload does; an object literal would not. */
const json = (text: string) => JSON.parse(text) as Record<string, unknown>;

/** Every effect is one the API schemas accept: what apply() would have refused with 400. */
function expectApplicable(parsed: ParsedDelivery) {
  expect(parsed.effects.length).toBeGreaterThan(0);
  for (const effect of parsed.effects) {
    if (effect.kind === "incident") expect(incidentCreateSchema.safeParse(effect.body).error?.issues ?? []).toEqual([]);
    if (effect.kind === "deployment") expect(deploymentInputSchema.safeParse(effect.body).error?.issues ?? []).toEqual([]);
  }
}
const bodyOf = (parsed: ParsedDelivery) => (parsed.effects[0] as { body: Record<string, unknown> }).body;

describe.each(PROTOTYPE_NAMES)("the name %j", (name) => {
  it("maps to its own slug or environment, or to what the admin mapped it to", () => {
    expect(mapService(DEFAULT_CONFIG, name)).toBe(slugify(name));
    expect(mapEnvironment(DEFAULT_CONFIG, name)).toBe(name.toLowerCase());
    const config = { ...DEFAULT_CONFIG, serviceMap: json(`{${JSON.stringify(name)}: "web"}`) as Record<string, string>, environmentMap: json(`{${JSON.stringify(name)}: "prod"}`) as Record<string, string> };
    expect(mapService(config, name)).toBe("web");
    expect(mapEnvironment(config, name)).toBe("prod");
  });

  it("as an Alertmanager service, severity value and severity label", () => {
    const payload = clone(fixture("alertmanager", "alert.firing.json")) as { alerts: Record<string, unknown>[] };
    payload.alerts = payload.alerts.map((a) => ({ ...a, labels: json(`{"alertname": "Disk", "service": ${JSON.stringify(name)}, "severity": ${JSON.stringify(name)}, ${JSON.stringify(name)}: "critical"}`) }));
    const plain = parse("alertmanager", payload);
    expectApplicable(plain);
    expect(bodyOf(plain)).toMatchObject({ service: slugify(name), severity: "SEV3" });
    const byLabel = parse("alertmanager", payload, { severityLabel: name, alertMatchers: json(`{${JSON.stringify(name)}: "critical"}`) as Record<string, string> });
    expectApplicable(byLabel);
    expect(bodyOf(byLabel)).toMatchObject({ severity: "SEV2" });
  });

  it("as an Opsgenie entity and priority", () => {
    const payload = clone(fixture("opsgenie", "create.json")) as { alert: Record<string, unknown> };
    payload.alert = { ...payload.alert, entity: name, priority: name };
    const parsed = parse("opsgenie", payload);
    expectApplicable(parsed);
    expect(bodyOf(parsed)).toMatchObject({ service: slugify(name), severity: "SEV3" });
  });

  it("as a PagerDuty service, priority and urgency", () => {
    const payload = clone(fixture("pagerduty", "incident.triggered.v3.json")) as { event: { data: Record<string, unknown> } };
    payload.event.data = { ...payload.event.data, service: { summary: name }, priority: { summary: name }, urgency: name };
    const parsed = parse("pagerduty", payload);
    expectApplicable(parsed);
    expect(bodyOf(parsed)).toMatchObject({ service: slugify(name), severity: "SEV3" });
  });

  it("as a GitHub repository, environment and deployment state", () => {
    const payload = clone(fixture("github", "deployment_status.payload.json")) as { repository: Record<string, unknown>; deployment: Record<string, unknown>; deployment_status: Record<string, unknown> };
    payload.repository.full_name = `acme/${name}`;
    payload.deployment.environment = name;
    const parsed = parse("github", payload);
    expectApplicable(parsed);
    expect(bodyOf(parsed)).toMatchObject({ service: slugify(name), environment: name.toLowerCase() });
    payload.deployment_status.state = name;
    expect(parse("github", payload).ignoredReason).toBe(`deployment state ${name} is not used`);
  });

  it("as a GitLab deployment status", () => {
    const payload = { ...(clone(fixture("gitlab", "deployment.json")) as Record<string, unknown>), status: name };
    expect(parse("gitlab", payload).ignoredReason).toBe(`deployment status ${name} is not used`);
  });
});
