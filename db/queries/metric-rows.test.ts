import { describe, expect, it } from "vitest";
import { Random } from "../seed/random";
import { countedDeploymentsFromCtes, failedChangeRowsFromCtes } from "../test/drilldown-reference";
import { scenario } from "../test/scenario";
import { countedDeployments, failedChangeRows } from "./metric-rows";
import type { MetricScope } from "./metrics";

const H = 3_600_000;
const T0 = Date.parse("2026-03-01T00:00:00Z");
const iso = (ms: number) => new Date(ms).toISOString();

describe("failedChangeRows and countedDeployments", () => {
  it("list exactly the deployments, failed changes, recoveries and rules the CTE definitions give, for any window and filter", async () => {
    const rules = new Set<string | null>();
    for (let seed = 1; seed <= 10; seed++) {
      const r = new Random(seed);
      const s = scenario();
      const deployments: number[] = [];
      for (let i = 0; i < 60; i++) {
        const service = r.pick(["api", "web", "db"]);
        const finished = T0 + Math.floor(r.next() * 6 * 24) * H + Math.floor(r.next() * 4) * 15 * 60_000;
        const rollbackOf = deployments.length && r.next() < 0.15 ? r.pick(deployments) : undefined;
        deployments.push(
          await s.deploy({
            service,
            team: service === "db" ? "data" : "shop",
            finishedAt: iso(finished),
            status: r.next() < 0.85 ? "success" : "failure",
            environment: r.next() < 0.85 ? "production" : "staging",
            changeFailed: r.next() < 0.1,
            rollbackOf,
          }),
        );
        if (r.next() < 0.15) {
          const started = finished + Math.floor(r.next() * 3) * H;
          await s.incident({ service, startedAt: iso(started), resolvedAt: r.next() < 0.7 ? iso(started + Math.floor(r.next() * 10) * H) : undefined, causedBy: r.pick(deployments) });
        }
      }
      const windows: MetricScope[] = [
        { from: new Date(T0), to: new Date(T0 + 7 * 24 * H), environment: "production" },
        { from: new Date(T0 + 30 * 60_000 + 26 * H), to: new Date(T0 + 5 * 24 * H - 7 * H), environment: "production" },
        { from: new Date(T0), to: new Date(T0 + 7 * 24 * H), environment: "staging" },
        { from: new Date(T0 + 24 * H), to: new Date(T0 + 4 * 24 * H), environment: "production", service: "api" },
        { from: new Date(T0), to: new Date(T0 + 7 * 24 * H), environment: "production", team: "shop" },
        { from: new Date(T0), to: new Date(T0 + 7 * 24 * H), environment: "production", services: ["web", "db"] },
      ];
      let listed = 0;
      for (const scope of windows) {
        const rows = await failedChangeRows(s.db.read, scope);
        expect(rows, `seed ${seed}, ${JSON.stringify(scope)}`).toEqual(await failedChangeRowsFromCtes(s.db.read, scope));
        const counted = await countedDeployments(s.db.read, scope);
        expect(counted, `deployments, seed ${seed}, ${JSON.stringify(scope)}`).toEqual(await countedDeploymentsFromCtes(s.db.read, scope));
        expect(counted.filter((d) => d.failed).map((d) => d.id).sort()).toEqual(rows.map((f) => f.id).sort());
        listed += rows.length;
        for (const row of rows) rules.add(row.rule);
      }
      expect(listed, `seed ${seed} listed failed changes`).toBeGreaterThan(0);
    }
    expect([...rules].sort()).toEqual(["incidents resolved", "next deployment", "rollback", null].sort());
  });
});
