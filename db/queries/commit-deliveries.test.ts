import { describe, expect, it } from "vitest";
import { memoryDb } from "../test/temp-db";
import { Random } from "../seed/random";
import { leadValues } from "./metric-facts";

/** What commit_deliveries must hold, worked out from scratch. */
const FROM_SCRATCH = `select commit_id, environment, id as deployment_id, service_id, finished_at as delivered_at, seconds from (
    select dc.commit_id, d.environment, d.id, d.service_id, d.finished_at, (d.finished_at - c.timestamp) / 1000.0 as seconds,
      row_number() over (partition by dc.commit_id, d.environment order by d.finished_at, d.id) as rn
    from deployment_commits dc join deployments d on d.id = dc.deployment_id join commits c on c.id = dc.commit_id
    where d.status = 'success' and d.finished_at is not null
  ) where rn = 1 order by commit_id, environment`;
const KEPT = "select commit_id, environment, deployment_id, service_id, delivered_at, seconds from commit_deliveries order by commit_id, environment";

type Sqlite = ReturnType<typeof memoryDb>["sqlite"];
const DAY = 86_400_000;

/** lead_days as it must be: per service, environment and UTC day, the positive leads in ms (any order). */
function leadDaysFromScratch(sqlite: Sqlite) {
  const rows = sqlite.prepare("select service_id, environment, delivered_at, seconds from commit_deliveries where seconds > 0").all() as { service_id: number; environment: string; delivered_at: number; seconds: number }[];
  const days = new Map<string, number[]>();
  for (const r of rows) {
    const key = `${r.service_id}|${r.environment}|${Math.floor(r.delivered_at / DAY)}`;
    days.set(key, [...(days.get(key) ?? []), Math.round(r.seconds * 1000)]);
  }
  return Object.fromEntries([...days].map(([k, v]) => [k, v.sort((a, b) => a - b)]));
}

/** lead_days as kept: each day's parts joined; every part holds at most PART values and counts them right. */
function leadDaysKept(sqlite: Sqlite) {
  const rows = sqlite.prepare("select service_id, environment, day, ms, n from lead_days").all() as { service_id: number; environment: string; day: number; ms: Buffer; n: number }[];
  const days = new Map<string, number[]>();
  for (const r of rows) {
    const values = [...leadValues(r.ms)];
    expect(values.length).toBe(r.n);
    expect(r.n).toBeLessThanOrEqual(PART);
    const key = `${r.service_id}|${r.environment}|${r.day}`;
    days.set(key, [...(days.get(key) ?? []), ...values]);
  }
  return Object.fromEntries([...days].map(([k, v]) => [k, v.sort((a, b) => a - b)]));
}

const PART = 256;

describe("commit_deliveries and lead_days", () => {
  it("always equal the earliest successful delivery per commit and environment, and its day's leads, whatever order the writes come in", () => {
    for (let seed = 1; seed <= 12; seed++) {
      const r = new Random(seed);
      const random = () => r.next();
      const pick = <T>(list: readonly T[]): T => r.pick(list);
      const { sqlite } = memoryDb();
      sqlite.prepare("insert into services (id, slug, name, created_at, updated_at) values (1, 'api', 'API', 0, 0)").run();
      const commit = sqlite.prepare("insert into commits (service_id, sha, timestamp) values (1, ?, ?) on conflict(service_id, sha) do update set timestamp = min(timestamp, excluded.timestamp)");
      const deploy = sqlite.prepare("insert into deployments (service_id, environment, status, finished_at, source, created_at, updated_at) values (1, ?, ?, ?, 'test', 0, 0)");
      const link = sqlite.prepare("insert or ignore into deployment_commits (deployment_id, commit_id) values (?, ?)");
      const shas = ["a", "b", "c", "d", "e", "f"];
      const environments = ["production", "staging"] as const;
      const statuses = ["success", "failure", "in_progress"] as const;
      for (let step = 0; step < 60; step++) {
        const action = random();
        const deploymentIds = sqlite.prepare("select id from deployments").pluck().all() as number[];
        if (action < 0.35 || deploymentIds.length === 0) {
          const id = Number(deploy.run(pick(environments), pick(statuses), random() < 0.1 ? null : Math.floor((random() - 0.5) * 4 * DAY)).lastInsertRowid);
          for (const sha of shas.filter(() => random() < 0.4)) {
            commit.run(sha, Math.floor((random() - 0.5) * 4 * DAY));
            link.run(id, sqlite.prepare("select id from commits where sha = ?").pluck().get(sha));
          }
        } else if (action < 0.55) {
          sqlite.prepare("update deployments set status = ? where id = ?").run(pick(statuses), pick(deploymentIds));
        } else if (action < 0.7) {
          // Around the epoch, so deliveries cross UTC days, negative ones included.
          sqlite.prepare("update deployments set finished_at = ? where id = ?").run(Math.floor((random() - 0.5) * 4 * DAY), pick(deploymentIds));
        } else if (action < 0.8) {
          sqlite.prepare("update deployments set environment = ? where id = ?").run(pick(environments), pick(deploymentIds));
        } else if (action < 0.9) {
          commit.run(pick(shas), Math.floor((random() - 0.5) * 4 * DAY));
        } else {
          const sha = pick(shas);
          commit.run(sha, Math.floor((random() - 0.5) * 4 * DAY));
          link.run(pick(deploymentIds), sqlite.prepare("select id from commits where sha = ?").pluck().get(sha));
        }
        expect(sqlite.prepare(KEPT).all(), `seed ${seed}, step ${step}`).toEqual(sqlite.prepare(FROM_SCRATCH).all());
        expect(leadDaysKept(sqlite), `lead_days, seed ${seed}, step ${step}`).toEqual(leadDaysFromScratch(sqlite));
      }
      sqlite.close();
    }
  });
});

describe("lead_days parts", () => {
  it("cut a busy day into parts of at most 256 leads, appended in order and rebuilt in parts", () => {
    const { sqlite } = memoryDb();
    sqlite.prepare("insert into services (id, slug, name, created_at, updated_at) values (1, 'api', 'API', 0, 0)").run();
    const deploy = sqlite.prepare("insert into deployments (service_id, environment, status, finished_at, source, created_at, updated_at) values (1, 'production', 'success', ?, 'test', 0, 0)");
    const commit = sqlite.prepare("insert into commits (service_id, sha, timestamp) values (1, ?, 0)");
    const link = sqlite.prepare("insert into deployment_commits (deployment_id, commit_id) values (?, ?)");
    sqlite.transaction(() => {
      for (let i = 0; i < 600; i++) link.run(deploy.run(DAY + i * 1000).lastInsertRowid, commit.run(`c${i}`).lastInsertRowid);
    })();
    const parts = () => sqlite.prepare("select part, n from lead_days order by part").all();
    expect(parts()).toEqual([
      { part: 0, n: 256 },
      { part: 1, n: 256 },
      { part: 2, n: 88 },
    ]);
    sqlite.prepare("update deployments set status = 'failure' where id = 1").run();
    expect(parts()).toEqual([
      { part: 0, n: 256 },
      { part: 1, n: 256 },
      { part: 2, n: 87 },
    ]);
    expect(leadDaysKept(sqlite)).toEqual(leadDaysFromScratch(sqlite));
    sqlite.close();
  });
});
