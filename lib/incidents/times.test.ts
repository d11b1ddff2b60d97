import { describe, expect, it } from "vitest";
import { incidentTimeProblems } from "./times";

const at = (h: number) => new Date(Date.UTC(2026, 0, 1, h));

describe("incident time rules", () => {
  it("accepts ordered times and a resolved incident with its resolution", () => {
    expect(incidentTimeProblems({ status: "resolved", startedAt: at(1), acknowledgedAt: at(1), resolvedAt: at(3) })).toEqual({});
    expect(incidentTimeProblems({ status: "investigating", startedAt: at(1), acknowledgedAt: null, resolvedAt: null })).toEqual({});
  });
  it("names each broken rule", () => {
    expect(incidentTimeProblems({ status: "resolved", startedAt: at(1), acknowledgedAt: null, resolvedAt: null })).toEqual({ resolvedAt: "is required when status is resolved" });
    expect(incidentTimeProblems({ status: "monitoring", startedAt: at(1), acknowledgedAt: null, resolvedAt: at(2) })).toEqual({ resolvedAt: "must be empty unless status is resolved" });
    expect(incidentTimeProblems({ status: "identified", startedAt: at(2), acknowledgedAt: at(1), resolvedAt: null })).toEqual({ acknowledgedAt: "must not be before startedAt" });
    expect(incidentTimeProblems({ status: "resolved", startedAt: at(1), acknowledgedAt: at(3), resolvedAt: at(2) })).toEqual({ resolvedAt: "must not be before acknowledgedAt" });
    expect(incidentTimeProblems({ status: "resolved", startedAt: at(3), acknowledgedAt: null, resolvedAt: at(2) })).toEqual({ resolvedAt: "must not be before startedAt" });
  });
});
