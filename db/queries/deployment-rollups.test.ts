import { describe, expect, it } from "vitest";
import { memoryDb } from "../test/temp-db";
import { Random } from "../seed/random";
import { DAYS_FROM_SCRATCH, DAYS_KEPT, FAILED_FROM_SCRATCH, FAILED_KEPT } from "../test/rollups";

const DAY = 86_400_000;

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
