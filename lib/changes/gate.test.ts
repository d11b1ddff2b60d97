import { describe, expect, it } from "vitest";
import type { Freeze } from "./policy";
import { assessDeployment, consumesChange, type DeploymentFacts, type GateChange, type GateIncident, type ServicePolicy } from "./gate";

const policy = (o: Partial<ServicePolicy> = {}): ServicePolicy => ({ id: 1, slug: "edge", requireChange: ["production"], changeToleranceMinutes: 0, changeReuse: "once", ...o });
const at = (hhmm: string) => new Date(`2026-12-01T${hhmm}:00Z`);
const change = (o: Partial<GateChange> = {}): GateChange => ({ id: 7, serviceId: 1, type: "normal", status: "approved", plannedStart: at("10:00"), plannedEnd: at("12:00"), ...o });
const facts = (o: Partial<DeploymentFacts> & { change?: GateChange } = {}): DeploymentFacts => {
  const { change: named = change(), ...rest } = o;
  return { service: policy(), environment: "production", named: { id: named.id, change: named }, namedBefore: false, asking: false, from: at("10:30"), to: at("11:00"), status: "success", freezes: [], incidents: [], ...rest };
};
const codes = (f: DeploymentFacts) => assessDeployment(f).reasons.map((r) => r.code);
const freeze: Freeze = { name: "Peak", serviceId: null, startsAt: at("11:30"), endsAt: at("23:00") };

describe("the change rule for a deployment", () => {
  it("lets an approved change of its own service, inside its window, implement it", () => {
    expect(assessDeployment(facts())).toEqual({ reasons: [], changeStatus: "implemented" });
    expect(assessDeployment(facts({ status: "failure" }))).toEqual({ reasons: [], changeStatus: "failed" });
    expect(assessDeployment(facts({ status: "in_progress" }))).toEqual({ reasons: [], changeStatus: null });
  });

  it("requires a change where the service says so, and only there", () => {
    const none = facts({ named: undefined });
    expect(assessDeployment(none).reasons).toEqual([{ code: "change_required", message: "edge deploys to production only with an approved change request, and this deployment names none" }]);
    expect(codes({ ...none, service: policy({ requireChange: [] }) })).toEqual([]);
    expect(codes({ ...none, freezes: [freeze], to: at("12:00") })).toEqual(["change_required", "freeze"]);
    expect(codes({ ...none, service: policy({ requireChange: [] }), freezes: [freeze], to: at("12:00") })).toEqual([]);
  });

  it("names a change that does not exist", () => {
    expect(assessDeployment(facts({ named: { id: 42, change: undefined } }))).toEqual({ reasons: [{ code: "change_not_found", message: "no change request has id 42" }], changeStatus: null });
  });

  it("refuses a change of another service, and leaves that change alone", () => {
    expect(assessDeployment(facts({ change: change({ serviceId: 2 }) }))).toEqual({ reasons: [{ code: "change_other_service", message: "change request 7 belongs to another service, not edge" }], changeStatus: null });
  });

  it("refuses a change already implemented, but not a replay of the deployment that implemented it", () => {
    const done = change({ status: "implemented" });
    expect(assessDeployment(facts({ change: done }))).toEqual({
      reasons: [{ code: "change_used", message: "change request 7 was already implemented; a new deployment needs a new change request" }],
      changeStatus: null,
    });
    expect(assessDeployment(facts({ change: done, namedBefore: true }))).toEqual({ reasons: [], changeStatus: null });
  });

  it("refuses a change that is not approved; an emergency counts as approved until decided, a failed change may be retried", () => {
    for (const status of ["draft", "pending_approval", "rejected", "cancelled"] as const) {
      expect(assessDeployment(facts({ change: change({ status }) }))).toEqual({ reasons: [{ code: "change_not_approved", message: `change request 7 is ${status.replace("_", " ")}, not approved` }], changeStatus: null });
    }
    expect(assessDeployment(facts({ change: change({ type: "emergency", status: "pending_approval", plannedStart: null, plannedEnd: null }) }))).toEqual({ reasons: [], changeStatus: "implemented" });
    expect(codes(facts({ change: change({ type: "emergency", status: "rejected", plannedStart: null, plannedEnd: null }) }))).toEqual(["change_not_approved"]);
    expect(assessDeployment(facts({ change: change({ status: "failed" }) }))).toEqual({ reasons: [], changeStatus: "implemented" });
    expect(assessDeployment(facts({ change: change({ status: "failed" }), status: "failure" }))).toEqual({ reasons: [], changeStatus: null });
  });

  it("keeps a normal change's deployment inside its planned window, start and finish", () => {
    expect(assessDeployment(facts({ to: at("12:05") })).reasons).toEqual([
      { code: "change_outside_window", message: "the deployment runs outside change request 7's planned window, 2026-12-01 10:00 UTC to 2026-12-01 12:00 UTC" },
    ]);
    expect(codes(facts({ from: at("09:59") }))).toEqual(["change_outside_window"]);
    expect(codes(facts({ from: at("10:00"), to: at("12:00") }))).toEqual([]);
    // Timing does not undo that the change shipped: it is still implemented, and flagged where not refused.
    expect(assessDeployment(facts({ to: at("12:05") })).changeStatus).toBe("implemented");
    expect(codes(facts({ change: change({ type: "standard", plannedStart: null, plannedEnd: null }), to: at("23:00") }))).toEqual([]);
  });

  it("refuses a deployment inside a freeze of its service or of all, unless its change is an emergency", () => {
    const late = { from: at("11:45"), to: at("12:30"), freezes: [freeze] };
    expect(assessDeployment(facts(late)).reasons).toEqual([
      { code: "change_outside_window", message: "the deployment runs outside change request 7's planned window, 2026-12-01 10:00 UTC to 2026-12-01 12:00 UTC" },
      { code: "freeze", message: 'the freeze "Peak" covers edge until 2026-12-01 23:00 UTC' },
    ]);
    expect(codes(facts({ ...late, freezes: [{ ...freeze, serviceId: 1 }] }))).toContain("freeze");
    expect(codes(facts({ ...late, freezes: [{ ...freeze, serviceId: 2 }] }))).not.toContain("freeze");
    expect(codes(facts({ ...late, change: change({ type: "emergency", status: "pending_approval", plannedStart: null, plannedEnd: null }) }))).toEqual([]);
    expect(codes(facts({ freezes: [{ ...freeze, startsAt: at("11:00") }] }))).toEqual(["freeze"]);
    expect(codes(facts({ freezes: [{ ...freeze, startsAt: at("08:00"), endsAt: at("10:30") }] }))).toEqual([]);
  });

  it("lists every reason that applies", () => {
    expect(codes(facts({ change: change({ serviceId: 2, status: "implemented" }), to: at("13:00"), freezes: [freeze] }))).toEqual(["change_other_service", "change_used", "change_outside_window", "freeze"]);
  });

  it("requires a change per environment: only the environments the service lists", () => {
    const none = facts({ named: undefined, service: policy({ requireChange: ["production", "eu-prod"] }) });
    expect(codes({ ...none, environment: "eu-prod" })).toEqual(["change_required"]);
    expect(assessDeployment({ ...none, environment: "eu-prod" }).reasons[0]!.message).toBe("edge deploys to eu-prod only with an approved change request, and this deployment names none");
    expect(codes({ ...none, environment: "staging" })).toEqual([]);
  });

  it("uses up a change only in environments that require one, so staging ahead of production leaves it for production", () => {
    const staging = facts({ environment: "staging" });
    expect(assessDeployment(staging)).toEqual({ reasons: [], changeStatus: null });
    expect(assessDeployment(facts())).toEqual({ reasons: [], changeStatus: "implemented" });
    // After production implemented it, a staging deployment naming it is not a second use.
    expect(codes(facts({ environment: "staging", change: change({ status: "implemented" }) }))).toEqual([]);
    expect(codes(facts({ change: change({ status: "implemented" }) }))).toEqual(["change_used"]);
    // A service that requires changes nowhere: production deployments implement what they name, as before.
    expect(consumesChange(policy({ requireChange: [] }), "production")).toBe(true);
    expect(consumesChange(policy({ requireChange: [] }), "staging")).toBe(false);
    expect(consumesChange(policy({ requireChange: ["staging"] }), "production")).toBe(false);
    expect(assessDeployment(facts({ service: policy({ requireChange: [] }), environment: "staging" })).changeStatus).toBeNull();
  });

  it("lets a change authorise every deployment until it is closed, where the service allows it", () => {
    const reuse = policy({ changeReuse: "until_closed" });
    expect(assessDeployment(facts({ service: reuse, change: change({ status: "implemented" }) }))).toEqual({ reasons: [], changeStatus: null });
    expect(codes(facts({ service: reuse, change: change({ status: "cancelled" }) }))).toEqual(["change_not_approved"]);
    expect(codes(facts({ service: reuse, change: change({ status: "rejected" }) }))).toEqual(["change_not_approved"]);
    expect(codes(facts({ service: reuse, change: change({ status: "implemented" }), to: at("12:01") }))).toEqual(["change_outside_window"]);
  });

  it("widens a normal change's window by the service's tolerance, on both sides", () => {
    const tolerant = policy({ changeToleranceMinutes: 15 });
    expect(codes(facts({ service: tolerant, from: at("09:45"), to: at("12:15") }))).toEqual([]);
    expect(codes(facts({ service: tolerant, from: at("09:44") }))).toEqual(["change_outside_window"]);
    expect(assessDeployment(facts({ service: tolerant, to: at("12:16") })).reasons).toEqual([
      { code: "change_outside_window", message: "the deployment runs outside change request 7's planned window, 2026-12-01 10:00 UTC to 2026-12-01 12:00 UTC, widened by 15 minutes either side" },
    ]);
  });

  it("holds deployments back while a SEV1 or SEV2 incident of the service is open, unless the change is an emergency", () => {
    const sev = (o: Partial<GateIncident> = {}): GateIncident => ({ id: 3, severity: "SEV1", title: "Checkout down", startedAt: at("10:00"), resolvedAt: null, ...o });
    expect(assessDeployment(facts({ incidents: [sev()] })).reasons).toEqual([{ code: "open_incident", message: "SEV1 incident 3 of edge is open: Checkout down; only an emergency change may deploy now" }]);
    expect(codes(facts({ incidents: [sev({ severity: "SEV2" })] }))).toEqual(["open_incident"]);
    expect(codes(facts({ incidents: [sev({ severity: "SEV3" })] }))).toEqual([]);
    expect(codes(facts({ incidents: [sev({ resolvedAt: at("10:30") })] }))).toEqual([]);
    expect(codes(facts({ incidents: [sev({ startedAt: at("11:01") })] }))).toEqual([]);
    expect(codes(facts({ incidents: [sev()], change: change({ type: "emergency", status: "pending_approval", plannedStart: null, plannedEnd: null }) }))).toEqual([]);
    // The incident does not undo that the change shipped.
    expect(assessDeployment(facts({ incidents: [sev()] })).changeStatus).toBe("implemented");
  });

  it("holds a deployment that asks first (the gate) to freezes and incidents even where nothing is required", () => {
    const ungated = facts({ named: undefined, service: policy({ requireChange: [] }), freezes: [{ ...freeze, startsAt: at("10:00") }], incidents: [{ id: 3, severity: "SEV2", title: "Slow", startedAt: at("09:00"), resolvedAt: null }] });
    expect(codes(ungated)).toEqual([]);
    expect(codes({ ...ungated, asking: true })).toEqual(["freeze", "open_incident"]);
    expect(codes({ ...ungated, asking: true, named: { id: 9, change: change({ id: 9, type: "emergency", status: "pending_approval", plannedStart: null, plannedEnd: null }) } })).toEqual([]);
  });

  it("exempts only an emergency change the deployment may use: not another service's, nor one rejected", () => {
    const held = { asking: true, from: at("11:45"), to: at("12:30"), freezes: [freeze], incidents: [{ id: 3, severity: "SEV1" as const, title: "Down", startedAt: at("08:00"), resolvedAt: null }] };
    const emergency = (o: Partial<GateChange>) => change({ type: "emergency", status: "pending_approval", plannedStart: null, plannedEnd: null, ...o });
    expect(codes(facts({ ...held, change: emergency({}) }))).toEqual([]);
    expect(codes(facts({ ...held, change: emergency({ serviceId: 2 }) }))).toEqual(["change_other_service", "freeze", "open_incident"]);
    expect(codes(facts({ ...held, change: emergency({ status: "rejected" }) }))).toEqual(["change_not_approved", "freeze", "open_incident"]);
  });

  it("lists every reason at once, the emergency exemption and the window tolerance combined", () => {
    const all = facts({ asking: true, change: change({ serviceId: 2, status: "implemented" }), to: at("13:00"), freezes: [freeze], incidents: [{ id: 3, severity: "SEV1", title: "Down", startedAt: at("08:00"), resolvedAt: null }] });
    expect(codes(all)).toEqual(["change_other_service", "change_used", "change_outside_window", "freeze", "open_incident"]);
    expect(codes({ ...all, service: policy({ changeToleranceMinutes: 60, changeReuse: "until_closed" }) })).toEqual(["change_other_service", "freeze", "open_incident"]);
  });
});
