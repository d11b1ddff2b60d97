import { describe, expect, it } from "vitest";
import { scenario } from "@/db/test/scenario";
import { prometheusExposition } from "./prometheus";

const NOW = Date.parse("2026-03-31T00:00:00Z");

describe("Prometheus exposition", () => {
  it("exports the counter, summaries and ratio per service and environment", async () => {
    const s = scenario();
    const a = await s.deploy({ service: "api", team: "core", finishedAt: "2026-03-10T12:00:00Z", commits: [{ sha: "1", at: "2026-03-10T11:00:00Z" }] });
    await s.deploy({ service: "api", team: "core", finishedAt: "2026-03-10T12:30:00Z", rollbackOf: a, commits: [{ sha: "2", at: "2026-03-10T09:30:00Z" }] });
    await s.deploy({ service: "api", team: "core", finishedAt: "2026-03-11T12:00:00Z", environment: "staging" });
    await s.deploy({ service: "api", team: "core", finishedAt: "2025-01-01T00:00:00Z" });
    const text = await prometheusExposition(s.db.read, NOW);
    const line = (prefix: string) => text.split("\n").find((l) => l.startsWith(prefix));
    expect(line('tandem_deployments_total{service="api",team="core",environment="production"}')).toMatch(/ 3$/);
    expect(line('tandem_deployments_total{service="api",team="core",environment="staging"}')).toMatch(/ 1$/);
    expect(line('tandem_lead_time_seconds{service="api",team="core",environment="production",quantile="0.5"}')).toMatch(/ 7200$/);
    expect(line('tandem_lead_time_seconds_sum{service="api",team="core",environment="production"}')).toMatch(/ 14400$/);
    expect(line('tandem_lead_time_seconds_count{service="api",team="core",environment="production"}')).toMatch(/ 2$/);
    expect(line('tandem_recovery_time_seconds{service="api",team="core",environment="production",quantile="0.5"}')).toMatch(/ 1800$/);
    expect(line('tandem_change_failure_ratio{service="api",team="core",environment="production"}')).toMatch(/ 0.5$/);
    expect(text).toContain("# TYPE tandem_lead_time_seconds summary");
    expect(text.endsWith("\n")).toBe(true);
  });

  it("escapes label values", async () => {
    const s = scenario();
    await s.deploy({ service: "api", team: 'a"b\\c', finishedAt: "2026-03-10T12:00:00Z" });
    expect(await prometheusExposition(s.db.read, NOW)).toContain('team="a\\"b\\\\c"');
  });
});
