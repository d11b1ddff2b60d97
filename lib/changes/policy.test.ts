import { describe, expect, it } from "vitest";
import { blockingFreeze, canCancel, decide, onDeployment, requiredApprovals, statusOnSubmit, type Freeze } from "./policy";

const normal = (o: Record<string, unknown> = {}) =>
  ({
    type: "normal",
    risk: "medium",
    status: "pending_approval",
    serviceId: 1,
    plannedStart: new Date("2026-12-01T10:00:00Z"),
    plannedEnd: new Date("2026-12-01T12:00:00Z"),
    requesterId: "requester",
    awaitingRetroactiveApproval: false,
    ...o,
  }) as Parameters<typeof decide>[0];
const approve = (approverId: string) => ({ approverId, decision: "approved" as const });

describe("change policy", () => {
  it("sets the status on submission by type", () => {
    expect(statusOnSubmit("standard")).toEqual({ status: "approved", awaitingRetroactiveApproval: false });
    expect(statusOnSubmit("normal")).toEqual({ status: "pending_approval", awaitingRetroactiveApproval: false });
    expect(statusOnSubmit("emergency")).toEqual({ status: "pending_approval", awaitingRetroactiveApproval: true });
  });

  it("needs one approval, or two different approvers for high risk", () => {
    expect(requiredApprovals({ type: "normal", risk: "low" })).toBe(1);
    expect(requiredApprovals({ type: "normal", risk: "high" })).toBe(2);
    expect(decide(normal(), [], approve("a"), [])).toMatchObject({ status: "approved", approvals: 1 });
    const high = normal({ risk: "high" });
    const first = decide(high, [], approve("a"), []);
    expect(first).toMatchObject({ status: "pending_approval", approvals: 1 });
    expect(decide(high, [approve("a")], approve("b"), [])).toMatchObject({ status: "approved", approvals: 2 });
    expect(() => decide(high, [approve("a")], approve("a"), [])).toThrow("You have already decided this change request.");
  });

  it("refuses self-approval whoever asks (admins included: roles are not consulted)", () => {
    expect(() => decide(normal(), [], approve("requester"), [])).toThrow("You cannot decide your own change request; another approver must.");
  });

  it("rejects on any rejection", () => {
    expect(decide(normal({ risk: "high" }), [approve("a")], { approverId: "b", decision: "rejected" }, [])).toMatchObject({ status: "rejected" });
  });

  it("refuses deciding a change that is not pending", () => {
    expect(() => decide(normal({ status: "approved" }), [], approve("a"), [])).toThrow("This change is approved; only changes pending approval can be decided.");
  });

  it("blocks approval when a freeze overlaps the planned window, naming the freeze and its end", () => {
    const freeze: Freeze = { name: "Black Friday", serviceId: null, startsAt: new Date("2026-11-30T00:00:00Z"), endsAt: new Date("2026-12-02T00:00:00Z") };
    expect(() => decide(normal(), [], approve("a"), [freeze])).toThrow('Approval is blocked by the freeze "Black Friday" until 2 Dec 2026, 00:00 UTC: the planned window overlaps it.');
    expect(decide(normal(), [], { approverId: "a", decision: "rejected" }, [freeze]).status).toBe("rejected");
    expect(blockingFreeze(normal(), [{ ...freeze, serviceId: 2 }])).toBeUndefined();
    expect(blockingFreeze(normal(), [{ ...freeze, endsAt: new Date("2026-12-01T10:00:00Z") }])).toBeUndefined();
    expect(blockingFreeze(normal({ type: "emergency" }), [freeze])).toBeUndefined();
  });

  it("approves an implemented emergency change retroactively, clearing the flag", () => {
    const emergency = normal({ type: "emergency", status: "implemented", awaitingRetroactiveApproval: true, plannedStart: null, plannedEnd: null });
    expect(decide(emergency, [], approve("a"), [])).toEqual({ status: "implemented", awaitingRetroactiveApproval: false, approvals: 1 });
  });

  it("marks changes implemented or failed by their deployment, and flags deployments of unapproved changes", () => {
    expect(onDeployment({ status: "approved", type: "normal" }, "success")).toEqual({ status: "implemented", violation: false });
    expect(onDeployment({ status: "approved", type: "normal" }, "failure")).toEqual({ status: "failed", violation: false });
    expect(onDeployment({ status: "pending_approval", type: "emergency" }, "success")).toEqual({ status: "implemented", violation: false });
    expect(onDeployment({ status: "pending_approval", type: "normal" }, "success")).toEqual({ status: null, violation: true });
    expect(onDeployment({ status: "rejected", type: "normal" }, "in_progress")).toEqual({ status: null, violation: true });
    expect(onDeployment({ status: "implemented", type: "normal" }, "success")).toEqual({ status: null, violation: false });
    expect(onDeployment({ status: "failed", type: "normal" }, "success")).toEqual({ status: "implemented", violation: false });
    expect(onDeployment({ status: "failed", type: "normal" }, "failure")).toEqual({ status: null, violation: false });
  });

  it("cancels only before implementation", () => {
    expect(canCancel("approved")).toBe(true);
    expect(canCancel("implemented")).toBe(false);
  });
});
