import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { deliveredCte, failedCte, narrowsServices, serviceFilter, type MetricScope } from "./metrics";

/*
 * The raw facts behind the DORA figures, one value per deployment or commit in the window, returned as
 * JSON arrays (one per column) in a single row: a JSON.parse per column is several times faster than a
 * row object per fact, and the percentiles are then taken exactly in lib/dora/groups.ts.
 */

/** Integer constants are inlined: better-sqlite3 binds JS numbers as REAL, which would make `/` fractional. */
const DAY = sql.raw(String(86_400_000));

const parse = (json: string | undefined): number[] => (json ? (JSON.parse(json) as number[]) : []);

export type DeliveredFacts = {
  service: number[];
  /** UTC day number (ms / 86,400,000) the deployment finished. */
  day: number[];
  failed: number[];
  /** Milliseconds from the failed deployment to its recovery; null when not failed or not recovered. */
  recoveryMs: (number | null)[];
  rework: number[];
};

/** D with, for each deployment, whether it is a failed change, when it recovered and whether it is rework. */
export function deliveredFacts(db: DbOrTx, scope: MetricScope): DeliveredFacts {
  const row = db.get<Record<keyof DeliveredFacts, string>>(sql`with ${deliveredCte(scope)}, ${failedCte(scope)}
    select json_group_array(d.service_id) as service,
      json_group_array(d.finished_at / ${DAY}) as day,
      json_group_array(f.id is not null) as failed,
      json_group_array(f.recovered_at - d.finished_at) as recoveryMs,
      json_group_array((d.unplanned or d.rollback_of_id is not null)) as rework
    from d_scope d left join failed f on f.id = d.id`);
  return { service: parse(row?.service), day: parse(row?.day), failed: parse(row?.failed), recoveryMs: parse(row?.recoveryMs), rework: parse(row?.rework) };
}

export type LeadFacts = { service: number[]; day: number[]; ms: number[] };

/**
 * Each commit first delivered inside the window, in scope, with a positive lead (commit_deliveries).
 * Leads travel as whole milliseconds (exactly the stored seconds × 1000), so no digit is lost in JSON.
 */
export function leadFacts(db: DbOrTx, scope: MetricScope): LeadFacts {
  // Without a service filter the covering index answers alone; the join is only for filtering.
  const from: SQL = narrowsServices(scope) ? sql`commit_deliveries cd join services s on s.id = cd.service_id` : sql`commit_deliveries cd`;
  const row = db.get<Record<keyof LeadFacts, string>>(sql`select json_group_array(cd.service_id) as service,
      json_group_array(cd.delivered_at / ${DAY}) as day,
      json_group_array(cast(round(cd.seconds * 1000) as integer)) as ms
    from ${from}
    where cd.environment = ${scope.environment}
      and cd.delivered_at >= ${scope.from.getTime()} and cd.delivered_at < ${scope.to.getTime()}
      and cd.seconds > 0${serviceFilter(scope)}`);
  return { service: parse(row?.service), day: parse(row?.day), ms: parse(row?.ms) };
}
