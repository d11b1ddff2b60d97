import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { Random } from "../seed/random";
import { scenario } from "../test/scenario";
import type { Queryable } from "../database";
import { memoryDb } from "../test/temp-db";
import { deliveredFacts, leadFacts, leadValues, type LeadFacts } from "./metric-facts";
import { failedCte } from "../test/failed-reference";
import { deliveredCte, leadsCte, type MetricScope } from "./metrics";
import { allRows } from "../raw";

const H = 3_600_000;

/** Every value of the blocks, with its block's day and service. */
function values(facts: LeadFacts): { ms: number; day: number; service: number }[] {
  const out: { ms: number; day: number; service: number }[] = [];
  facts.count.forEach((n, b) => {
    for (let i = 0; i < n; i++) out.push({ ms: facts.ms[out.length]!, day: facts.day[b]!, service: facts.service[b]! });
  });
  expect(out).toHaveLength(facts.ms.length);
  return out;
}

describe("leadFacts", () => {
  it("takes whole days from lead_days and the partial days at the ends from the deliveries, for any window", async () => {
    const s = scenario();
    const deliveries = ["2026-03-09T06:00:00Z", "2026-03-09T18:00:00Z", "2026-03-10T12:00:00Z", "2026-03-11T03:00:00Z", "2026-03-11T09:00:00Z"];
    for (const [i, finishedAt] of deliveries.entries()) {
      await s.deploy({ service: i % 2 ? "api" : "web", finishedAt, commits: [{ sha: `c${i}`, at: new Date(Date.parse(finishedAt) - (i + 1) * H).toISOString() }] });
    }
    await s.deploy({ service: "api", finishedAt: "2026-03-10T13:00:00Z", commits: [{ sha: "late", at: "2026-03-10T14:00:00Z" }] }); // committed after: no lead
    const within = async (from: string, to: string) => {
      const facts = await leadFacts(s.db.read, { from: new Date(from), to: new Date(to), environment: "production" });
      return values(facts)
        .map(({ ms, day }) => [ms / H, day])
        .sort((a, b) => a[0]! - b[0]!);
    };
    const day = (iso: string) => Math.floor(Date.parse(iso) / 86_400_000);
    expect(await within("2026-03-09T12:00:00Z", "2026-03-11T06:00:00Z")).toEqual([
      [2, day("2026-03-09")],
      [3, day("2026-03-10")],
      [4, day("2026-03-11")],
    ]);
    expect((await within("2026-03-09T00:00:00Z", "2026-03-12T00:00:00Z")).map(([h]) => h)).toEqual([1, 2, 3, 4, 5]);
    expect((await within("2026-03-11T00:00:00Z", "2026-03-11T05:00:00Z")).map(([h]) => h)).toEqual([4]);
    const api = await leadFacts(s.db.read, { from: new Date("2026-03-09T00:00:00Z"), to: new Date("2026-03-12T00:00:00Z"), environment: "production", service: "api" });
    expect([...api.ms].map((ms) => ms / H).sort()).toEqual([2, 4]);
  });
});

const DAY = 86_400_000;

describe("leadValues", () => {
  it("reads 8-byte big-endian integers exactly, past 2^32 too", () => {
    const blob = Buffer.alloc(24);
    blob.writeBigUInt64BE(1n, 0);
    blob.writeBigUInt64BE(4_294_967_297n, 8);
    blob.writeBigUInt64BE(63_072_000_000n, 16); // two years in ms
    expect([...leadValues(blob)]).toEqual([1, 4_294_967_297, 63_072_000_000]);
  });
});

describe("leadFacts against the deliveries", () => {
  it("holds exactly the positive leads delivered in the window, in scope, for any window and filter, however busy the day", async () => {
    for (let seed = 1; seed <= 6; seed++) {
      const r = new Random(seed);
      const { db, sqlite } = memoryDb();
      for (const id of [1, 2, 3]) sqlite.prepare("insert into services (id, slug, name, team, created_at, updated_at) values (?, ?, ?, ?, 0, 0)").run(id, `s${id}`, `S${id}`, id === 3 ? "b" : "a");
      const deploy = sqlite.prepare("insert into deployments (service_id, environment, status, finished_at, source, created_at, updated_at) values (?, ?, ?, ?, 'test', 0, 0)");
      const commit = sqlite.prepare("insert into commits (service_id, sha, timestamp) values (?, ?, ?)");
      const link = sqlite.prepare("insert into deployment_commits (deployment_id, commit_id) values (?, ?)");
      const start = Date.parse("2026-03-01T00:00:00Z");
      sqlite.transaction(() => {
        for (let i = 0; i < 260; i++) {
          // One busy day of one service among the rest.
          const busy = i < 60;
          const service = busy ? 1 : r.int(1, 3);
          const at = start + (busy ? 2 * DAY + Math.floor(r.next() * DAY) : Math.floor(r.next() * 6 * DAY));
          const id = deploy.run(service, busy || r.chance(0.85) ? "production" : "staging", busy || r.chance(0.9) ? "success" : "failure", at).lastInsertRowid;
          // Up to 400 days before (past 2^32 ms), some after the delivery (no lead), many per deployment (parts fill up).
          for (let c = busy ? 8 : r.int(0, 8); c > 0; c--) link.run(id, commit.run(service, `c${i}-${c}`, at - Math.floor((r.next() - 0.05) * 400 * DAY)).lastInsertRowid);
        }
      })();
      for (let w = 0; w < 10; w++) {
        const from = start + (r.chance(0.5) ? r.int(0, 4) * DAY : Math.floor(r.next() * 4 * DAY));
        const to = from + (r.chance(0.3) ? Math.floor(r.next() * 1.5 * DAY) + 1 : Math.floor(r.next() * 4 * DAY) + 1);
        const filters: Partial<MetricScope>[] = [{}, { service: "s1" }, { team: "a" }, { services: ["s2", "s3"] }];
        const scope: MetricScope = { from: new Date(from), to: new Date(to), environment: r.chance(0.8) ? "production" : "staging", ...r.pick(filters) };
        const expected = (await allRows<{ service: number; at: number; seconds: number }>(db.read, sql`with ${leadsCte(scope)} select service_id as service, at, seconds from leads`)).map(
          (l) => `${l.service}|${Math.floor(l.at / DAY)}|${Math.round(l.seconds * 1000)}`,
        );
        const got = values(await leadFacts(db.read, scope)).map((v) => `${v.service}|${v.day}|${v.ms}`);
        expect(got.sort(), `seed ${seed}, window ${w}`).toEqual(expected.sort());
      }
      expect(sqlite.prepare("select max(part) from lead_days").pluck().get(), "some day filled more than one part").toBeGreaterThan(0);
      sqlite.close();
    }
  });
});

describe("deliveredFacts", () => {
  /** The same facts straight from the deployments (the CTEs the drill-downs list), one per deployment in D. */
  async function fromScratch(q: Queryable, scope: MetricScope) {
    const rows = await allRows<{ service: number; at: number; failed: number; recovered: number | null; rework: number }>(q, sql`with ${deliveredCte(scope)}, ${failedCte()}
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

  async function kept(q: Queryable, scope: MetricScope) {
    const { days, failed } = await deliveredFacts(q, scope);
    const byDay = new Map<string, [number, number]>();
    days.service.forEach((service, i) => {
      const key = `${service}|${days.day[i]}`;
      expect(byDay.has(key), `one row per service and day (${key})`).toBe(false);
      byDay.set(key, [days.deployments[i]!, days.rework[i]!]);
    });
    return { days: Object.fromEntries(byDay), failed: failed.service.map((service, i) => `${service}|${failed.day[i]}|${failed.recoveryMs[i]}`).sort() };
  }

  it("equals counting D from the deployments, for any window (whole days or not) and any service filter", async () => {
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
        expect(await kept(db.read, scope), `seed ${seed}, window ${w}`).toEqual(await fromScratch(db.read, scope));
      }
      sqlite.close();
    }
  });
});
