import { describe, expect, it } from "vitest";
import type { Freeze } from "./policy";
import { assessDeployment, type DeploymentFacts, type GateChange } from "./gate";

const at = (hhmm: string) => new Date(`2026-12-01T${hhmm}:00Z`);
const change = (o: Partial<GateChange> = {}): GateChange => ({ id: 7, serviceId: 1, type: "normal", status: "approved", plannedStart: at("10:00"), plannedEnd: at("12:00"), ...o });
const facts = (o: Partial<DeploymentFacts> & { change?: GateChange } = {}): DeploymentFacts => {
  const { change: named = change(), ...rest } = o;
  return { service: { id: 1, slug: "edge", requiresChange: true }, named: { id: named.id, change: named }, namedBefore: false, from: at("10:30"), to: at("11:00"), status: "success", freezes: [], ...rest };
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
    expect(assessDeployment(none).reasons).toEqual([{ code: "change_required", message: "edge deploys only with an approved change request, and this deployment names none" }]);
    expect(codes({ ...none, service: { id: 1, slug: "edge", requiresChange: false } })).toEqual([]);
    expect(codes({ ...none, freezes: [freeze], to: at("12:00") })).toEqual(["change_required", "freeze"]);
    expect(codes({ ...none, service: { id: 1, slug: "edge", requiresChange: false }, freezes: [freeze], to: at("12:00") })).toEqual([]);
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
});
