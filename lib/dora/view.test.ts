import { describe, expect, it } from "vitest";
import { dashboardSearch, defaultDashboardQuery, parseDashboardParams, periodEnd } from "./view";

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

  it("ends a period at the end of the current minute, so views within a minute ask for one window (the metrics cache's key)", () => {
    const within = [NOW + 1, NOW + 12_345, NOW + 59_999].map((at) => parseDashboardParams({ period: "7" }, at));
    for (const v of within) {
      expect(v.ok && [v.query.from.toISOString(), v.query.to.toISOString(), v.previous.from.toISOString()]).toEqual([
        "2026-03-13T12:01:00.000Z",
        "2026-03-20T12:01:00.000Z",
        "2026-03-06T12:01:00.000Z",
      ]);
      expect(JSON.stringify(v.ok && v.query)).toBe(JSON.stringify(within[0]!.ok && within[0]!.query));
    }
    expect([periodEnd(NOW), periodEnd(NOW + 1), periodEnd(NOW + 60_000), periodEnd(NOW + 60_001)]).toEqual([NOW, NOW + 60_000, NOW + 60_000, NOW + 120_000]);
  });

  it("gives the services list the overview's default view", () => {
    const v = parseDashboardParams({}, NOW + 5_000);
    expect(defaultDashboardQuery(NOW + 5_000)).toEqual(v.ok && v.query);
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
