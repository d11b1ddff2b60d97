import { describe, expect, it } from "vitest";
import { nextStatuses, transitionProblem } from "./state-machine";

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
});
