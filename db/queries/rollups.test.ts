import { describe, expect, it } from "vitest";
import { memoryDb } from "../test/temp-db";
import { Random } from "../seed/random";
import { keptRollups, rollupsFromScratch } from "../test/rollups";
import { utcDay } from "../schema/calendar";
import { rebuildRollups } from "./rollups";

const DAY = 86_400_000;

/** Random writes of every kind the rollups depend on, through a raw connection (so through the triggers only). */
function randomWrites(sqlite: ReturnType<typeof memoryDb>["sqlite"], r: Random, steps: number) {
  const random = () => r.next();
  const pick = <T>(list: readonly T[]): T => r.pick(list);
  const ids = (table: string) => sqlite.prepare(`select id from ${table}`).pluck().all() as number[];
  const maybe = (list: number[]) => (random() < 0.4 || list.length === 0 ? null : pick(list));
  // Around the epoch, so days are crossed, negative ones included; null now and then.
  const when = () => (random() < 0.1 ? null : Math.floor((random() - 0.5) * 4 * DAY));
  const at = () => Math.floor((random() - 0.5) * 4 * DAY);
  const environments = ["production", "staging"] as const;
  const statuses = ["success", "success", "failure", "in_progress"] as const;
  const incidentStatuses = ["investigating", "resolved", "resolved"] as const;
  const shas = ["a", "b", "c", "d", "e", "f", "g"];
  const deploy = sqlite.prepare(`insert into deployments (service_id, environment, status, finished_at, unplanned, change_failed, rollback_of_id, source, created_at, updated_at)
    values (?, ?, ?, ?, ?, ?, ?, 'test', 0, 0)`);
  const declare = sqlite.prepare(`insert into incidents (service_id, title, severity, status, started_at, resolved_at, caused_by_id, source, created_at, updated_at)
    values (1, 't', 'SEV2', ?, 0, ?, ?, 'test', 0, 0)`);
  const commit = sqlite.prepare("insert into commits (service_id, sha, timestamp) values (?, ?, ?) on conflict(service_id, sha) do update set timestamp = min(timestamp, excluded.timestamp)");
  const commitId = sqlite.prepare("select id from commits where service_id = ? and sha = ?").pluck();
  const link = sqlite.prepare("insert or ignore into deployment_commits (deployment_id, commit_id) values (?, ?)");
  for (let step = 0; step < steps; step++) {
    const deployments = ids("deployments");
    const incidents = ids("incidents");
    const action = random();
    if (action < 0.25 || deployments.length === 0) {
      const service = pick([1, 2]);
      const id = Number(deploy.run(service, pick(environments), pick(statuses), when(), random() < 0.2 ? 1 : 0, random() < 0.15 ? 1 : 0, random() < 0.3 ? maybe(deployments) : null).lastInsertRowid);
      for (const sha of shas.filter(() => random() < 0.3)) {
        commit.run(service, sha, at());
        link.run(id, commitId.get(service, sha));
      }
    } else if (action < 0.5) {
      const column = pick(["service_id", "environment", "status", "finished_at", "unplanned", "change_failed", "rollback_of_id"] as const);
      const value = { service_id: pick([1, 2]), environment: pick(environments), status: pick(statuses), finished_at: when(), unplanned: random() < 0.5 ? 1 : 0, change_failed: random() < 0.5 ? 1 : 0, rollback_of_id: maybe(deployments) }[column];
      sqlite.prepare(`update deployments set ${column} = ? where id = ?`).run(value, pick(deployments));
    } else if (action < 0.55) {
      // Only deployments nothing points at can go (the foreign keys say so); their links go with them.
      const free = sqlite
        .prepare(`select id from deployments d where not exists (select 1 from deployments r where r.rollback_of_id = d.id)
          and not exists (select 1 from incidents i where i.caused_by_id = d.id)`)
        .pluck()
        .all() as number[];
      if (free.length) sqlite.prepare("delete from deployments where id = ?").run(pick(free));
    } else if (action < 0.65) {
      const service = pick([1, 2]);
      const sha = pick(shas);
      commit.run(service, sha, at());
      link.run(pick(deployments), commitId.get(service, sha));
    } else if (action < 0.7) {
      const links = sqlite.prepare("select deployment_id, commit_id from deployment_commits").raw().all() as [number, number][];
      if (links.length) sqlite.prepare("delete from deployment_commits where deployment_id = ? and commit_id = ?").run(...pick(links));
    } else if (action < 0.8 || incidents.length === 0) {
      const status = pick(incidentStatuses);
      declare.run(status, status === "resolved" && random() < 0.9 ? Math.floor(random() * DAY) : null, maybe(deployments));
    } else if (action < 0.95) {
      const column = pick(["caused_by_id", "status", "resolved_at"] as const);
      const value = { caused_by_id: maybe(deployments), status: pick(incidentStatuses), resolved_at: random() < 0.3 ? null : Math.floor(random() * DAY) }[column];
      sqlite.prepare(`update incidents set ${column} = ? where id = ?`).run(value, pick(incidents));
    } else {
      sqlite.prepare("delete from incidents where id = ?").run(pick(incidents));
    }
  }
}

describe("rebuildRollups", () => {
  it("finds the rollups the triggers kept equal to the ones rebuilt from the views, after any writes", async () => {
    for (let seed = 1; seed <= 10; seed++) {
      const r = new Random(seed);
      const { db, sqlite } = memoryDb();
      for (const id of [1, 2]) sqlite.prepare("insert into services (id, slug, name, created_at, updated_at) values (?, ?, ?, 0, 0)").run(id, `s${id}`, `S${id}`);
      let seen = { failed: 0, deliveries: 0 };
      for (let round = 0; round < 8; round++) {
        randomWrites(sqlite, r, 15);
        const kept = keptRollups(sqlite);
        const summary = await rebuildRollups(db);
        const rebuilt = keptRollups(sqlite);
        expect(rebuilt, `seed ${seed}, round ${round}: kept = rebuilt`).toEqual(kept);
        expect(rebuilt, `seed ${seed}, round ${round}: rebuilt = views`).toEqual(rollupsFromScratch(sqlite));
        expect(summary).toEqual({
          deploymentDays: rebuilt.deploymentDays.length,
          failedChanges: rebuilt.failedChanges.length,
          commitDeliveries: rebuilt.commitDeliveries.length,
          leadDays: sqlite.prepare("select count(*) from lead_days").pluck().get(),
          corrected: 0,
        });
        seen = { failed: seen.failed + summary.failedChanges, deliveries: seen.deliveries + summary.commitDeliveries };
      }
      expect(seen.failed, `seed ${seed} exercised failed changes`).toBeGreaterThan(0);
      expect(seen.deliveries, `seed ${seed} exercised deliveries`).toBeGreaterThan(0);
      await db.close();
    }
  });

  it("puts right rollups that drifted from the views, and says how many rows it corrected", async () => {
    const { db, sqlite } = memoryDb();
    for (const id of [1, 2]) sqlite.prepare("insert into services (id, slug, name, created_at, updated_at) values (?, ?, ?, 0, 0)").run(id, `s${id}`, `S${id}`);
    randomWrites(sqlite, new Random(42), 120);
    const right = rollupsFromScratch(sqlite);
    expect(right.failedChanges.length).toBeGreaterThan(0);
    expect(right.commitDeliveries.length).toBeGreaterThan(1);
    // Drift, as a bug in a trigger (or a rule redefined without rebuilding) would leave it.
    sqlite.exec(`update deployment_days set deployments = deployments + 1 where rowid = (select min(rowid) from deployment_days);
      delete from failed_changes where deployment_id = (select min(deployment_id) from failed_changes);
      update commit_deliveries set seconds = seconds + 1 where rowid = (select min(rowid) from commit_deliveries);
      delete from commit_deliveries where rowid = (select max(rowid) from commit_deliveries);
      delete from lead_days where rowid = (select min(rowid) from lead_days);`);
    expect(keptRollups(sqlite)).not.toEqual(right);
    // A bulk transaction: on SQLite, what the rebuild may have to restore goes to disk, not to memory.
    const asked: unknown[] = [];
    const watched = Object.create(db, { transaction: { value: (work: never, options: unknown) => (asked.push(options), db.transaction(work, options as never)) } }) as typeof db;
    expect((await rebuildRollups(watched)).corrected).toBe(4);
    expect(asked).toEqual([{ bulk: true }]);
    expect(keptRollups(sqlite)).toEqual(right);
    await db.close();
  });
});

describe("the UTC day", () => {
  it("is the same in the views (SQL) as in utcDay (JavaScript), negative days included", () => {
    const { sqlite } = memoryDb();
    sqlite.prepare("insert into services (id, slug, name, created_at, updated_at) values (1, 's', 'S', 0, 0)").run();
    const r = new Random(3);
    const times = [0, -1, 1, DAY - 1, DAY, -DAY, -DAY - 1, ...Array.from({ length: 200 }, () => Math.floor((r.next() - 0.5) * 2000 * DAY))];
    const deploy = sqlite.prepare("insert into deployments (service_id, environment, status, finished_at, source, created_at, updated_at) values (1, 'production', 'success', ?, 'test', 0, 0)");
    for (const t of times) deploy.run(t);
    expect(sqlite.prepare("select day from counted_deployments order by id").pluck().all()).toEqual(times.map(utcDay));
  });
});
