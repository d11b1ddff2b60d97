import { describe, expect, it } from "vitest";
import { scenario } from "@/db/test/scenario";
import { loadDrilldown } from "./drilldown";
import { computeMetrics } from "./metrics";
import { metricsQuerySchema } from "./query";

const query = metricsQuerySchema.parse({ from: "2026-03-02T00:00:00Z", to: "2026-03-30T00:00:00Z" });

async function build() {
  const s = scenario();
  const a = await s.deploy({ service: "api", finishedAt: "2026-03-03T10:00:00Z", commits: [{ sha: "aaaaaaaaaaaaaaaa", at: "2026-03-03T08:00:00Z" }] });
  const rb = await s.deploy({ service: "api", finishedAt: "2026-03-03T10:30:00Z", rollbackOf: a });
  const b = await s.deploy({ service: "web", finishedAt: "2026-03-04T10:00:00Z", commits: [{ sha: "bbbbbbbbbbbbbbbb", at: "2026-03-04T09:00:00Z" }] });
  const inc = await s.incident({ service: "web", startedAt: "2026-03-04T10:05:00Z", acknowledgedAt: "2026-03-04T10:07:00Z", resolvedAt: "2026-03-04T11:00:00Z", causedBy: b });
  const c = await s.deploy({ service: "ops", finishedAt: "2026-03-05T10:00:00Z", changeFailed: true });
  const next = await s.deploy({ service: "ops", finishedAt: "2026-03-05T12:00:00Z", unplanned: true });
  await s.deploy({ service: "ops", finishedAt: "2026-02-05T12:00:00Z" });
  return { s, ids: { a, rb, b, inc, c, next } };
}

describe("drill-downs list exactly what the figures count", () => {
  it("deployments: the members of D, newest first", async () => {
    const { s, ids } = await build();
    const table = await loadDrilldown(s.db.read, "deployments", query);
    expect(table.rows.map((r) => r.id)).toEqual([ids.next, ids.c, ids.b, ids.rb, ids.a]);
    expect(table.rows).toHaveLength((await computeMetrics(s.db, query)).deploymentFrequency.deployments);
    expect(table.rows.filter((r) => r.failed).map((r) => r.id)).toEqual([ids.c, ids.b, ids.a]);
  });

  it("rework: unplanned deployments and rollbacks", async () => {
    const { s, ids } = await build();
    expect((await loadDrilldown(s.db.read, "rework", query)).rows.map((r) => r.id)).toEqual([ids.next, ids.rb]);
  });

  it("lead time: each commit with its delivering deployment and lead", async () => {
    const { s, ids } = await build();
    const rows = (await loadDrilldown(s.db.read, "lead-time", query)).rows;
    expect(rows.map((r) => [r.sha, r.deploymentId, r.seconds])).toEqual([
      ["bbbbbbbbbbbb", ids.b, 3600],
      ["aaaaaaaaaaaa", ids.a, 7200],
    ]);
  });

  it("failures: how each failed and which rule recovered it", async () => {
    const { s, ids } = await build();
    const rows = (await loadDrilldown(s.db.read, "failures", query)).rows;
    expect(rows.map((r) => [r.id, r.rule, r.seconds, r.rollbackId, r.incidentIds])).toEqual([
      [ids.c, "next deployment", 7200, null, null],
      [ids.b, "incidents resolved", 3600, null, String(ids.inc)],
      [ids.a, "rollback", 1800, ids.rb, null],
    ]);
    expect(rows).toHaveLength((await computeMetrics(s.db, query)).changeFailureRate.failed);
  });

  it("incidents: restore and acknowledge times", async () => {
    const { s, ids } = await build();
    expect((await loadDrilldown(s.db.read, "incidents", query)).rows).toEqual([
      expect.objectContaining({ id: ids.inc, ackSeconds: 120, restoreSeconds: 3300 }),
    ]);
  });
});
