import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { Random } from "../seed/random";
import { scenario } from "../test/scenario";
import { memoryDb } from "../test/temp-db";
import { deliveredFacts, leadFacts } from "./metric-facts";
import { deliveredCte, failedCte, type MetricScope } from "./metrics";

const H = 3_600_000;

describe("leadFacts", () => {
  it("takes whole days from lead_days and the partial days at the ends from the deliveries, for any window", () => {
    const s = scenario();
    const deliveries = ["2026-03-09T06:00:00Z", "2026-03-09T18:00:00Z", "2026-03-10T12:00:00Z", "2026-03-11T03:00:00Z", "2026-03-11T09:00:00Z"];
    deliveries.forEach((finishedAt, i) => s.deploy({ service: i % 2 ? "api" : "web", finishedAt, commits: [{ sha: `c${i}`, at: new Date(Date.parse(finishedAt) - (i + 1) * H).toISOString() }] }));
    s.deploy({ service: "api", finishedAt: "2026-03-10T13:00:00Z", commits: [{ sha: "late", at: "2026-03-10T14:00:00Z" }] }); // committed after: no lead
    const within = (from: string, to: string) => {
      const facts = leadFacts(s.db, { from: new Date(from), to: new Date(to), environment: "production" });
      return facts.ms.map((ms, i) => [ms / H, facts.day[i]]).sort((a, b) => a[0]! - b[0]!);
    };
    const day = (iso: string) => Math.floor(Date.parse(iso) / 86_400_000);
    expect(within("2026-03-09T12:00:00Z", "2026-03-11T06:00:00Z")).toEqual([
      [2, day("2026-03-09")],
      [3, day("2026-03-10")],
      [4, day("2026-03-11")],
    ]);
    expect(within("2026-03-09T00:00:00Z", "2026-03-12T00:00:00Z").map(([h]) => h)).toEqual([1, 2, 3, 4, 5]);
    expect(within("2026-03-11T00:00:00Z", "2026-03-11T05:00:00Z").map(([h]) => h)).toEqual([4]);
    const api = leadFacts(s.db, { from: new Date("2026-03-09T00:00:00Z"), to: new Date("2026-03-12T00:00:00Z"), environment: "production", service: "api" });
    expect(api.ms.map((ms) => ms / H).sort()).toEqual([2, 4]);
  });
});

const DAY = 86_400_000;

describe("deliveredFacts", () => {
  /** The same facts straight from the deployments (the CTEs the drill-downs list), one per deployment in D. */
  function fromScratch(db: ReturnType<typeof memoryDb>["db"], scope: MetricScope) {
    const rows = db.all<{ service: number; at: number; failed: number; recovered: number | null; rework: number }>(sql`with ${deliveredCte(scope)}, ${failedCte(scope)}
      select d.service_id as service, d.finished_at as at, f.id is not null as failed, f.recovered_at - d.finished_at as recovered,
        (d.unplanned or d.rollback_of_id is not null) as rework
      from d_scope d left join failed f on f.id = d.id`);
    const days = new Map<string, [number, number]>();
    for (const r of rows) {
      const key = `${r.service}|${Math.floor(r.at / DAY)}`;
      const [n, rework] = days.get(key) ?? [0, 0];
      days.set(key, [n + 1, rework + r.rework]);
    }
    const failed = rows.filter((r) => r.failed).map((r) => `${r.service}|${Math.floor(r.at / DAY)}|${r.recovered}`);
    return { days: Object.fromEntries(days), failed: failed.sort() };
  }

  function kept(db: ReturnType<typeof memoryDb>["db"], scope: MetricScope) {
    const { days, failed } = deliveredFacts(db, scope);
    const byDay = new Map<string, [number, number]>();
    days.service.forEach((service, i) => {
      const key = `${service}|${days.day[i]}`;
      expect(byDay.has(key), `one row per service and day (${key})`).toBe(false);
      byDay.set(key, [days.deployments[i]!, days.rework[i]!]);
    });
    return { days: Object.fromEntries(byDay), failed: failed.service.map((service, i) => `${service}|${failed.day[i]}|${failed.recoveryMs[i]}`).sort() };
  }

  it("equals counting D from the deployments, for any window (whole days or not) and any service filter", () => {
    for (let seed = 1; seed <= 8; seed++) {
      const r = new Random(seed);
      const { db, sqlite } = memoryDb();
      for (const id of [1, 2, 3]) sqlite.prepare("insert into services (id, slug, name, team, created_at, updated_at) values (?, ?, ?, ?, 0, 0)").run(id, `s${id}`, `S${id}`, id === 3 ? "b" : "a");
      const deploy = sqlite.prepare(`insert into deployments (service_id, environment, status, finished_at, unplanned, change_failed, rollback_of_id, source, created_at, updated_at)
        values (?, ?, ?, ?, ?, ?, ?, 'test', 0, 0)`);
      const declare = sqlite.prepare(`insert into incidents (service_id, title, severity, status, started_at, resolved_at, caused_by_id, source, created_at, updated_at)
        values (1, 't', 'SEV2', ?, 0, ?, ?, 'test', 0, 0)`);
      const start = Date.parse("2026-03-01T00:00:00Z");
      const when = () => start + Math.floor(r.next() * 20 * DAY);
      for (let i = 0; i < 300; i++) {
        const ids = sqlite.prepare("select id from deployments").pluck().all() as number[];
        const target = ids.length && r.chance(0.1) ? r.pick(ids) : null;
        deploy.run(r.int(1, 3), r.chance(0.8) ? "production" : "staging", r.pick(["success", "success", "success", "failure"]), when(), r.chance(0.1) ? 1 : 0, r.chance(0.08) ? 1 : 0, target);
        if (ids.length && r.chance(0.05)) {
          const resolved = r.chance(0.7);
          declare.run(resolved ? "resolved" : "investigating", resolved ? when() : null, r.pick(ids));
        }
      }
      for (let w = 0; w < 12; w++) {
        // Windows on whole days, on odd instants, inside one day and across just one midnight.
        const from = start + (r.chance(0.5) ? r.int(0, 15) * DAY : Math.floor(r.next() * 15 * DAY));
        const to = from + (r.chance(0.3) ? Math.floor(r.next() * 1.5 * DAY) + 1 : r.chance(0.5) ? r.int(1, 10) * DAY : Math.floor(r.next() * 10 * DAY) + 1);
        const filters: Partial<MetricScope>[] = [{}, { service: "s1" }, { team: "a" }, { services: ["s2", "s3"] }];
        const scope: MetricScope = { from: new Date(from), to: new Date(to), environment: r.chance(0.8) ? "production" : "staging", ...r.pick(filters) };
        expect(kept(db, scope), `seed ${seed}, window ${w}`).toEqual(fromScratch(db, scope));
      }
      sqlite.close();
    }
  });
});
