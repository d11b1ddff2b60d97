import { describe, expect, it } from "vitest";
import { dashboardSearch, parseDashboardParams } from "./view";

const NOW = Date.parse("2026-03-20T12:00:00Z");

describe("dashboard filters in the URL", () => {
  it("defaults to the last 30 days with the previous 30 days to compare", () => {
    const v = parseDashboardParams({}, NOW);
    expect(v.ok && [v.query.from.toISOString(), v.query.to.toISOString(), v.previous.from.toISOString(), v.previous.to.toISOString()]).toEqual([
      "2026-02-18T12:00:00.000Z",
      "2026-03-20T12:00:00.000Z",
      "2026-01-19T12:00:00.000Z",
      "2026-02-18T12:00:00.000Z",
    ]);
  });

  it("reads a period, team, service and environment", () => {
    const v = parseDashboardParams({ period: "7", team: "core", service: "api", environment: "Staging" }, NOW);
    expect(v.ok && [v.query.to.getTime() - v.query.from.getTime(), v.query.team, v.query.service, v.query.environment]).toEqual([7 * 86_400_000, "core", "api", "staging"]);
  });

  it("treats a custom range as whole UTC days with the end day included", () => {
    const v = parseDashboardParams({ period: "custom", from: "2026-03-01", to: "2026-03-07" }, NOW);
    expect(v.ok && [v.query.from.toISOString(), v.query.to.toISOString()]).toEqual(["2026-03-01T00:00:00.000Z", "2026-03-08T00:00:00.000Z"]);
  });

  it("explains a bad custom range instead of failing", () => {
    expect(parseDashboardParams({ period: "custom", from: "2026-03-07" }, NOW)).toMatchObject({ ok: false, error: "Choose both a start and an end date for a custom range.", problem: { code: "missingRange" } });
    expect(parseDashboardParams({ period: "custom", from: "2026-03-07", to: "2026-03-01" }, NOW)).toMatchObject({ ok: false, error: "The range is not valid: the start must be before the end.", problem: { code: "rangeOrder" } });
    expect(parseDashboardParams({ period: "custom", from: "2020-01-01", to: "2026-03-01" }, NOW)).toMatchObject({ ok: false, problem: { code: "rangeTooLong", days: 731 } });
    expect(parseDashboardParams({ team: "x".repeat(101) }, NOW)).toMatchObject({ ok: false, error: "team must be at most 100 characters", problem: { code: "field", field: "team", problem: "must be at most 100 characters" } });
  });

  it("falls back to 30 days for an unknown period and writes short URLs", () => {
    expect(parseDashboardParams({ period: "365" }, NOW).params.period).toBe("30");
    expect(dashboardSearch({ period: "30" })).toBe("");
    expect(dashboardSearch({ period: "7", team: "core", service: undefined })).toBe("?period=7&team=core");
  });
});
