import type BetterSqlite from "better-sqlite3";
import { expect } from "vitest";
import { leadValues } from "../queries/metric-facts";

/*
 * The rollups kept by triggers as they must be: the views that state the rules (migration 0016), selected
 * from scratch, next to how the rollups are kept. Tests compare the two after any writes; the rules
 * themselves are written only in the views.
 */

/** deployment_days as it must be: counted_deployments per service, environment and UTC day, and their rework. */
export const DAYS_FROM_SCRATCH = `select service_id, environment, day, count(*) as deployments, sum(rework) as rework
  from counted_deployments group by 1, 2, 3 order by 1, 2, 3`;
export const DAYS_KEPT = "select service_id, environment, day, deployments, rework from deployment_days order by 1, 2, 3";

const FAILED_COLUMNS = "deployment_id, service_id, environment, finished_at, change_failed, rollback_at, incidents, open_incidents, incidents_resolved_at";
/** failed_changes as it must be: failed_change_evidence. */
export const FAILED_FROM_SCRATCH = `select ${FAILED_COLUMNS} from failed_change_evidence order by deployment_id`;
export const FAILED_KEPT = `select ${FAILED_COLUMNS} from failed_changes order by deployment_id`;

const DELIVERY_COLUMNS = "commit_id, environment, deployment_id, service_id, delivered_at, seconds, day";
/** commit_deliveries as it must be: commit_delivery_facts. */
export const DELIVERIES_FROM_SCRATCH = `select ${DELIVERY_COLUMNS} from commit_delivery_facts order by commit_id, environment`;
export const DELIVERIES_KEPT = `select ${DELIVERY_COLUMNS} from commit_deliveries order by commit_id, environment`;

/** The most leads one lead_days row holds. */
export const LEAD_PART = 256;

type LeadDays = Record<string, number[]>;

function byDay(rows: { service_id: number; environment: string; day: number; values: number[] }[]): LeadDays {
  const days = new Map<string, number[]>();
  for (const r of rows) {
    const key = `${r.service_id}|${r.environment}|${r.day}`;
    days.set(key, [...(days.get(key) ?? []), ...r.values]);
  }
  return Object.fromEntries([...days].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, v.sort((a, b) => a - b)]));
}

/** lead_days as it must be: per service, environment and UTC day of commit_delivery_facts, the positive leads in ms (any order). */
export function leadDaysFromScratch(sqlite: BetterSqlite.Database): LeadDays {
  const rows = sqlite.prepare("select service_id, environment, day, seconds from commit_delivery_facts where seconds > 0").all() as { service_id: number; environment: string; day: number; seconds: number }[];
  return byDay(rows.map((r) => ({ ...r, values: [Math.round(r.seconds * 1000)] })));
}

/** lead_days as kept: each day's parts joined; every part holds at most LEAD_PART values and counts them right. */
export function leadDaysKept(sqlite: BetterSqlite.Database): LeadDays {
  const rows = sqlite.prepare("select service_id, environment, day, ms, n from lead_days").all() as { service_id: number; environment: string; day: number; ms: Buffer; n: number }[];
  return byDay(
    rows.map((r) => {
      const values = [...leadValues(r.ms)];
      expect(values.length).toBe(r.n);
      expect(r.n).toBeLessThanOrEqual(LEAD_PART);
      return { ...r, values };
    }),
  );
}

/** Every rollup as kept, in a comparable form (lead_days as each day's sorted leads: the parts' order is not kept). */
export function keptRollups(sqlite: BetterSqlite.Database) {
  return {
    deploymentDays: sqlite.prepare(DAYS_KEPT).all(),
    failedChanges: sqlite.prepare(FAILED_KEPT).all(),
    commitDeliveries: sqlite.prepare(DELIVERIES_KEPT).all(),
    leadDays: leadDaysKept(sqlite),
  };
}

/** Every rollup as the views say it must be, in the same form. */
export function rollupsFromScratch(sqlite: BetterSqlite.Database) {
  return {
    deploymentDays: sqlite.prepare(DAYS_FROM_SCRATCH).all(),
    failedChanges: sqlite.prepare(FAILED_FROM_SCRATCH).all(),
    commitDeliveries: sqlite.prepare(DELIVERIES_FROM_SCRATCH).all(),
    leadDays: leadDaysFromScratch(sqlite),
  };
}
