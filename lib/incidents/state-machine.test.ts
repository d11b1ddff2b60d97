import { describe, expect, it } from "vitest";
import { nextStatuses, primaryStep, transitionProblem } from "./state-machine";

describe("incident state machine", () => {
  it("moves forward, also skipping steps, and back among open states", () => {
    expect(transitionProblem("investigating", "identified")).toBeNull();
    expect(transitionProblem("investigating", "resolved")).toBeNull();
    expect(transitionProblem("monitoring", "identified")).toBeNull();
  });
  it("reopens a resolved incident only to investigating", () => {
    expect(transitionProblem("resolved", "investigating")).toBeNull();
    expect(transitionProblem("resolved", "monitoring")).toBe("a resolved incident must be reopened (back to investigating) first");
  });
  it("refuses a move to the same status", () => {
    expect(transitionProblem("identified", "identified")).toBe("the incident is already identified");
  });
  it("offers the allowed moves", () => {
    expect(nextStatuses("investigating")).toEqual(["identified", "monitoring", "resolved"]);
    expect(nextStatuses("resolved")).toEqual(["investigating"]);
  });
  it("offers acknowledging a new incident first, then the next step of the flow, never resolving first (issue 16)", () => {
    const at = new Date("2026-11-20T14:00:00Z");
    expect(primaryStep({ status: "investigating", acknowledgedAt: null })).toBe("acknowledge");
    expect(primaryStep({ status: "identified", acknowledgedAt: null })).toBe("acknowledge");
    expect(primaryStep({ status: "investigating", acknowledgedAt: at })).toBe("identified");
    expect(primaryStep({ status: "identified", acknowledgedAt: at })).toBe("monitoring");
    expect(primaryStep({ status: "monitoring", acknowledgedAt: at })).toBe("resolved");
    expect(primaryStep({ status: "resolved", acknowledgedAt: at })).toBeNull();
    expect(primaryStep({ status: "resolved", acknowledgedAt: null })).toBeNull();
  });
});
