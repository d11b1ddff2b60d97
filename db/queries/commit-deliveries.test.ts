import { describe, expect, it } from "vitest";
import { memoryDb } from "../test/temp-db";
import { Random } from "../seed/random";
import { DELIVERIES_FROM_SCRATCH, DELIVERIES_KEPT, leadDaysFromScratch, leadDaysKept } from "../test/rollups";

const DAY = 86_400_000;

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
        expect(sqlite.prepare(DELIVERIES_KEPT).all(), `seed ${seed}, step ${step}`).toEqual(sqlite.prepare(DELIVERIES_FROM_SCRATCH).all());
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
