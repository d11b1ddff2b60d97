import { describe, expect, it } from "vitest";
import { blockingFreeze, canCancel, decide, decisionNotice, changeFlag, requiredApprovals, standardProblem, statusOnCancel, statusOnSubmit, type Freeze, type StandardCandidate, type StandardTemplate } from "./policy";

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
    expect(statusOnSubmit({ type: "standard" })).toEqual({ status: "approved", awaitingRetroactiveApproval: false });
    expect(statusOnSubmit({ type: "normal" })).toEqual({ status: "pending_approval", awaitingRetroactiveApproval: false });
    expect(statusOnSubmit({ type: "emergency" })).toEqual({ status: "pending_approval", awaitingRetroactiveApproval: true });
  });

  it("approves a standard change on submission only within a catalog template: its service or team, at most its risk", () => {
    const template: StandardTemplate = { title: "Bump deps", serviceId: 1, serviceSlug: "edge", team: null, maxRisk: "medium" };
    const change: StandardCandidate = { serviceId: 1, service: "edge", team: "core", risk: "medium" };
    expect(standardProblem(change, template)).toBeNull();
    expect(standardProblem({ ...change, risk: "low" }, template)).toBeNull();
    expect(standardProblem(change, undefined)).toEqual({ field: "template", message: "A standard change must be filed from the standard change catalog: name one of its templates, or file a normal change." });
    expect(standardProblem({ ...change, risk: "high" }, template)).toEqual({ field: "risk", message: 'The standard change "Bump deps" carries at most medium risk, not high; file a normal change instead.' });
    expect(standardProblem({ ...change, serviceId: 2, service: "shop" }, template)).toEqual({ field: "service", message: 'The standard change "Bump deps" covers edge, not shop; file a normal change instead.' });
    const teamWide: StandardTemplate = { ...template, serviceId: null, serviceSlug: null, team: "core" };
    expect(standardProblem({ ...change, serviceId: 2, service: "shop" }, teamWide)).toBeNull();
    expect(standardProblem({ ...change, team: "payments" }, teamWide)).toEqual({ field: "service", message: 'The standard change "Bump deps" covers the services of team core, and edge is not one; file a normal change instead.' });
    expect(standardProblem({ ...change, team: null }, teamWide)?.field).toBe("service");
  });

  it("needs one approval, or two different approvers for high risk", () => {
    expect(requiredApprovals({ type: "normal", risk: "low" })).toBe(1);
    expect(requiredApprovals({ type: "normal", risk: "high" })).toBe(2);
    expect(requiredApprovals({ type: "emergency", risk: "high" })).toBe(2);
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
    // The page words the refusal in its own language from its code.
    expect(() => decide(normal(), [], approve("a"), [freeze])).toThrow(expect.objectContaining({ refusal: { code: "frozen", freeze: "Black Friday", until: freeze.endsAt } }));
    expect(decide(normal(), [], { approverId: "a", decision: "rejected" }, [freeze]).status).toBe("rejected");
    expect(blockingFreeze(normal(), [{ ...freeze, serviceId: 2 }])).toBeUndefined();
    expect(blockingFreeze(normal(), [{ ...freeze, endsAt: new Date("2026-12-01T10:00:00Z") }])).toBeUndefined();
    expect(blockingFreeze(normal({ type: "emergency" }), [freeze])).toBeUndefined();
  });

  it("approves an implemented emergency change retroactively, clearing the flag", () => {
    const emergency = normal({ type: "emergency", status: "implemented", awaitingRetroactiveApproval: true, plannedStart: null, plannedEnd: null });
    const outcome = decide(emergency, [], approve("a"), []);
    expect(outcome).toEqual({ status: "implemented", awaitingRetroactiveApproval: false, approvals: 1, remaining: 0 });
    expect(decisionNotice(emergency, outcome)).toBe("approvedRetroactively");
  });

  it("asks as many retroactive approvals of a high-risk emergency change as of a normal one", () => {
    const emergency = normal({ type: "emergency", risk: "high", status: "implemented", awaitingRetroactiveApproval: true, plannedStart: null, plannedEnd: null });
    const first = decide(emergency, [], approve("a"), []);
    expect(first).toEqual({ status: "implemented", awaitingRetroactiveApproval: true, approvals: 1, remaining: 1 });
    expect(decisionNotice(emergency, first)).toBe("approvalRecorded");
    expect(decide(emergency, [approve("a")], approve("b"), [])).toEqual({ status: "implemented", awaitingRetroactiveApproval: false, approvals: 2, remaining: 0 });
  });

  it("rejects an implemented emergency change for good, keeping it flagged for review", () => {
    for (const status of ["implemented", "failed"] as const) {
      const emergency = normal({ type: "emergency", status, awaitingRetroactiveApproval: true, plannedStart: null, plannedEnd: null });
      const outcome = decide(emergency, [], { approverId: "a", decision: "rejected" }, []);
      expect(outcome).toEqual({ status: "rejected", awaitingRetroactiveApproval: true, approvals: 0, remaining: 0 });
      expect(decisionNotice(emergency, outcome)).toBe("rejectedRetroactively");
      const after = { ...emergency, ...outcome };
      expect(changeFlag(after)).toBe("rejectedAfterImplementation");
      expect(() => decide(after, [], approve("b"), [])).toThrow("This change is rejected; only changes pending approval can be decided.");
    }
  });

  it("rejects an emergency change not yet implemented like any other, with nothing left to review", () => {
    const emergency = normal({ type: "emergency", awaitingRetroactiveApproval: true, plannedStart: null, plannedEnd: null });
    expect(changeFlag(emergency)).toBe("awaitingRetroactive");
    const outcome = decide(emergency, [], { approverId: "a", decision: "rejected" }, []);
    expect(outcome).toMatchObject({ status: "rejected", awaitingRetroactiveApproval: false });
    expect(changeFlag({ ...emergency, ...outcome })).toBeNull();
    expect(decisionNotice(emergency, outcome)).toBe("rejected");
  });

  it("tells the approver what their approval did", () => {
    const high = normal({ risk: "high" });
    expect(decisionNotice(high, decide(high, [], approve("a"), []))).toBe("approvalRecorded");
    expect(decisionNotice(high, decide(high, [approve("a")], approve("b"), []))).toBe("approved");
  });

  it("cancels only before implementation", () => {
    expect(canCancel("approved")).toBe(true);
    expect(canCancel("implemented")).toBe(false);
  });

  it("leaves a cancelled emergency change nothing to review, as a rejection before implementation does", () => {
    const emergency = normal({ type: "emergency", awaitingRetroactiveApproval: true, plannedStart: null, plannedEnd: null });
    expect(changeFlag({ ...emergency, ...statusOnCancel() })).toBeNull();
  });
});
