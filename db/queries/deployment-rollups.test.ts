import { describe, expect, it } from "vitest";
import { memoryDb } from "../test/temp-db";
import { Random } from "../seed/random";

const DAY = 86_400_000;

/** deployment_days as it must be: successful deployments per service, environment and UTC day, and their rework. */
const DAYS_FROM_SCRATCH = `select service_id, environment, cast(floor(finished_at / 86400000.0) as integer) as day, count(*) as deployments,
    sum(unplanned or rollback_of_id is not null) as rework
  from deployments where status = 'success' and finished_at is not null
  group by 1, 2, 3 order by 1, 2, 3`;
const DAYS_KEPT = "select service_id, environment, day, deployments, rework from deployment_days order by 1, 2, 3";

/** failed_changes as it must be: the definition of a failed change and its recovery evidence, over every deployment. */
const FAILED_FROM_SCRATCH = `select d.id as deployment_id, d.service_id, d.environment, d.finished_at, d.change_failed, r.at as rollback_at,
    coalesce(b.n, 0) as incidents, coalesce(b.open, 0) as open_incidents, b.resolved_at as incidents_resolved_at
  from deployments d
    left join (select rollback_of_id as id, min(finished_at) as at from deployments
               where rollback_of_id is not null and status = 'success' group by 1) r on r.id = d.id
    left join (select caused_by_id as id, count(*) as n, sum(status <> 'resolved' or resolved_at is null) as open, max(resolved_at) as resolved_at
               from incidents where caused_by_id is not null group by 1) b on b.id = d.id
  where d.status = 'success' and d.finished_at is not null and (d.change_failed or r.at is not null or b.id is not null)
  order by d.id`;
const FAILED_KEPT = `select deployment_id, service_id, environment, finished_at, change_failed, rollback_at, incidents, open_incidents, incidents_resolved_at
  from failed_changes order by deployment_id`;

describe("deployment_days and failed_changes", () => {
  it("always equal a recount from scratch, whatever deployments and incidents are written, changed or deleted", () => {
    for (let seed = 1; seed <= 12; seed++) {
      const r = new Random(seed);
      const random = () => r.next();
      const pick = <T>(list: readonly T[]): T => r.pick(list);
      const { sqlite } = memoryDb();
      for (const id of [1, 2]) sqlite.prepare("insert into services (id, slug, name, created_at, updated_at) values (?, ?, ?, 0, 0)").run(id, `s${id}`, `S${id}`);
      const environments = ["production", "staging"] as const;
      const statuses = ["success", "success", "failure", "in_progress"] as const;
      const incidentStatuses = ["investigating", "resolved", "resolved"] as const;
      // Around the epoch, so days are crossed, negative ones included; null now and then.
      const when = () => (random() < 0.1 ? null : Math.floor((random() - 0.5) * 4 * DAY));
      const ids = (table: string) => sqlite.prepare(`select id from ${table}`).pluck().all() as number[];
      const maybe = (list: number[]) => (random() < 0.4 || list.length === 0 ? null : pick(list));
      const deploy = sqlite.prepare(`insert into deployments (service_id, environment, status, finished_at, unplanned, change_failed, rollback_of_id, source, created_at, updated_at)
        values (?, ?, ?, ?, ?, ?, ?, 'test', 0, 0)`);
      const declare = sqlite.prepare(`insert into incidents (service_id, title, severity, status, started_at, resolved_at, caused_by_id, source, created_at, updated_at)
        values (1, 't', 'SEV2', ?, 0, ?, ?, 'test', 0, 0)`);
      let sawFailed = 0;
      for (let step = 0; step < 80; step++) {
        const deployments = ids("deployments");
        const incidents = ids("incidents");
        const action = random();
        if (action < 0.3 || deployments.length === 0) {
          deploy.run(pick([1, 2]), pick(environments), pick(statuses), when(), random() < 0.2 ? 1 : 0, random() < 0.15 ? 1 : 0, random() < 0.3 ? maybe(deployments) : null);
        } else if (action < 0.6) {
          const column = pick(["service_id", "environment", "status", "finished_at", "unplanned", "change_failed", "rollback_of_id"] as const);
          const value = { service_id: pick([1, 2]), environment: pick(environments), status: pick(statuses), finished_at: when(), unplanned: random() < 0.5 ? 1 : 0, change_failed: random() < 0.5 ? 1 : 0, rollback_of_id: maybe(deployments) }[column];
          sqlite.prepare(`update deployments set ${column} = ? where id = ?`).run(value, pick(deployments));
        } else if (action < 0.7) {
          // Only deployments nothing points at can go (the foreign keys say so).
          const free = sqlite.prepare("select id from deployments d where not exists (select 1 from deployments r where r.rollback_of_id = d.id) and not exists (select 1 from incidents i where i.caused_by_id = d.id)").pluck().all() as number[];
          if (free.length) sqlite.prepare("delete from deployments where id = ?").run(pick(free));
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
        expect(sqlite.prepare(DAYS_KEPT).all(), `deployment_days, seed ${seed}, step ${step}`).toEqual(sqlite.prepare(DAYS_FROM_SCRATCH).all());
        const failed = sqlite.prepare(FAILED_KEPT).all();
        expect(failed, `failed_changes, seed ${seed}, step ${step}`).toEqual(sqlite.prepare(FAILED_FROM_SCRATCH).all());
        sawFailed += failed.length;
      }
      expect(sawFailed, `seed ${seed} exercised failed changes`).toBeGreaterThan(0);
      sqlite.close();
    }
  });
});
