import { sql, type SQL } from "drizzle-orm";
import type { Database, Queryable } from "../database";
import { countedLead } from "./metrics";
import { allRows, firstRow, execute } from "../raw";
import { dialectOf } from "../dialect";

/*
 * The rollups recomputed from the views that state the rules (migration 0016): counted_deployments per
 * day into deployment_days, failed_change_evidence into failed_changes, commit_delivery_facts into
 * commit_deliveries, and their positive leads per day into lead_days. The triggers keep the same rows as
 * writes come in; this is for after a rule changed (a view redefined) or to check nothing drifted.
 */

export type RebuildSummary = {
  deploymentDays: number;
  failedChanges: number;
  commitDeliveries: number;
  leadDays: number;
  /** Rows of deployment_days, failed_changes and commit_deliveries that were missing, extra or different. */
  corrected: number;
};

/** Runs a statement ending in `returning 1 as one`: how many rows it wrote. */
async function written(tx: Queryable, statement: SQL): Promise<number> {
  return (await allRows<{ one: number }>(tx, statement)).length;
}

/**
 * A rollup brought in line with its view: rows the view no longer has go, the others are written only
 * where they differ, so a table with triggers (commit_deliveries keeps lead_days) sees only real changes.
 */
async function reconcile(tx: Queryable, table: string, key: string[], values: string[], source: SQL): Promise<number> {
  const [t, k, v] = [sql.raw(table), sql.raw(key.join(", ")), sql.raw(values.join(", "))];
  const removed = await written(tx, sql`delete from ${t} where (${k}) not in (select ${k} from (${source}) as source) returning 1 as one`);
  const set = sql.raw(values.map((c) => `${c} = excluded.${c}`).join(", "));
  const differs = sql.raw(values.map((c) => `${table}.${c} is distinct from excluded.${c}`).join(" or "));
  const upserted = await written(
    tx,
    sql`insert into ${t} (${k}, ${v}) select ${k}, ${v} from (${source}) as source where true
      on conflict (${k}) do update set ${set} where ${differs} returning 1 as one`,
  );
  return removed + upserted;
}

const count = async (tx: Queryable, table: string) => (await firstRow<{ n: number }>(tx, sql`select count(*) as n from ${sql.raw(table)}`))!.n;

/** Recomputes every stored rollup from the views, in one transaction. */
export async function rebuildRollups(db: Database): Promise<RebuildSummary> {
  return db.transaction(async (tx) => {
    let corrected = await reconcile(
      tx,
      "deployment_days",
      ["service_id", "environment", "day"],
      ["deployments", "rework"],
      sql`select service_id, environment, day, count(*) as deployments, sum(rework) as rework from counted_deployments group by service_id, environment, day`,
    );
    corrected += await reconcile(
      tx,
      "failed_changes",
      ["deployment_id"],
      ["service_id", "environment", "finished_at", "change_failed", "rollback_at", "incidents", "open_incidents", "incidents_resolved_at"],
      sql`select * from failed_change_evidence`,
    );
    corrected += await reconcile(
      tx,
      "commit_deliveries",
      ["commit_id", "environment"],
      ["deployment_id", "service_id", "delivered_at", "seconds", "day"],
      sql`select * from commit_delivery_facts`,
    );
    // lead_days holds each day's leads in parts of at most 256, 8-byte big-endian ms each (migration 0013);
    // no trigger reads it, so it is simply written again from the deliveries just brought in line.
    const dialect = dialectOf(tx);
    await execute(tx, sql`delete from lead_days`);
    await execute(tx, sql`insert into lead_days (service_id, environment, day, part, ms, n)
      select service_id, environment, day, rn / 256, ${sql.raw(dialect.packInt64("v"))}, count(*)
      from (
        select service_id, environment, day, ${sql.raw(dialect.roundToInteger("seconds * 1000"))} as v,
          row_number() over (partition by service_id, environment, day) - 1 as rn
        from commit_deliveries cd where ${countedLead("cd")}
      ) as leads group by service_id, environment, day, rn / 256`);
    return {
      deploymentDays: await count(tx, "deployment_days"),
      failedChanges: await count(tx, "failed_changes"),
      commitDeliveries: await count(tx, "commit_deliveries"),
      leadDays: await count(tx, "lead_days"),
      corrected,
    };
  }, { bulk: true });
}
