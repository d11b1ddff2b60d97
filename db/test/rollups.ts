import type BetterSqlite from "better-sqlite3";
import { expect } from "vitest";
import { leadValues } from "../queries/metric-facts";

/*
 * The rollups kept by triggers as they must be: the views that state the rules (migration 0016), selected
 * from scratch, next to how the rollups are kept. Tests compare the two after any writes; the rules
 * themselves are written only in the views. The SQL is valid on SQLite and PostgreSQL alike and reads the
 * same values from both (booleans as 0 or 1), so one history can be compared across the engines.
 */

/** deployment_days as it must be: counted_deployments per service, environment and UTC day, and their rework. */
export const DAYS_FROM_SCRATCH = `select service_id, environment, day, count(*) as deployments, sum(rework) as rework
  from counted_deployments group by service_id, environment, day order by 1, 2, 3`;
export const DAYS_KEPT = "select service_id, environment, day, deployments, rework from deployment_days order by 1, 2, 3";

const FAILED_COLUMNS =
  "deployment_id, service_id, environment, finished_at, case when change_failed then 1 else 0 end as change_failed, rollback_at, incidents, open_incidents, incidents_resolved_at";
/** failed_changes as it must be: failed_change_evidence. */
export const FAILED_FROM_SCRATCH = `select ${FAILED_COLUMNS} from failed_change_evidence order by deployment_id`;
export const FAILED_KEPT = `select ${FAILED_COLUMNS} from failed_changes order by deployment_id`;

const DELIVERY_COLUMNS = "commit_id, environment, deployment_id, service_id, delivered_at, seconds, day";
/** commit_deliveries as it must be: commit_delivery_facts. */
export const DELIVERIES_FROM_SCRATCH = `select ${DELIVERY_COLUMNS} from commit_delivery_facts order by commit_id, environment`;
export const DELIVERIES_KEPT = `select ${DELIVERY_COLUMNS} from commit_deliveries order by commit_id, environment`;

const LEADS_FROM_SCRATCH = "select service_id, environment, day, seconds from commit_delivery_facts where seconds > 0";
const LEADS_KEPT = "select service_id, environment, day, ms, n from lead_days";
/** How lead_days cuts each day into parts (not which leads each holds: a rebuild takes them in any order). */
export const LEAD_PARTS = "select service_id, environment, day, part, n from lead_days order by 1, 2, 3, 4";

/** The most leads one lead_days row holds. */
export const LEAD_PART = 256;

type Row = Record<string, unknown>;
type LeadDays = Record<string, number[]>;

function byDay(rows: { service_id: number; environment: string; day: number; values: number[] }[]): LeadDays {
  const days = new Map<string, number[]>();
  for (const r of rows) {
    const key = `${r.service_id}|${r.environment}|${r.day}`;
    days.set(key, [...(days.get(key) ?? []), ...r.values]);
  }
  return Object.fromEntries([...days].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, v.sort((a, b) => a - b)]));
}

function leadsFromDeliveries(rows: Row[]): LeadDays {
  const deliveries = rows as { service_id: number; environment: string; day: number; seconds: number }[];
  return byDay(deliveries.map((r) => ({ ...r, values: [Math.round(r.seconds * 1000)] })));
}

function leadsFromParts(rows: Row[]): LeadDays {
  const parts = rows as { service_id: number; environment: string; day: number; ms: Buffer; n: number }[];
  return byDay(
    parts.map((r) => {
      const values = [...leadValues(r.ms)];
      expect(values.length).toBe(r.n);
      expect(r.n).toBeLessThanOrEqual(LEAD_PART);
      return { ...r, values };
    }),
  );
}

const KEPT = { deploymentDays: DAYS_KEPT, failedChanges: FAILED_KEPT, commitDeliveries: DELIVERIES_KEPT, leadDays: LEADS_KEPT };
const FROM_SCRATCH = { deploymentDays: DAYS_FROM_SCRATCH, failedChanges: FAILED_FROM_SCRATCH, commitDeliveries: DELIVERIES_FROM_SCRATCH, leadDays: LEADS_FROM_SCRATCH };
type Results = Record<keyof typeof KEPT, Row[]>;

const kept = (r: Results) => ({ deploymentDays: r.deploymentDays, failedChanges: r.failedChanges, commitDeliveries: r.commitDeliveries, leadDays: leadsFromParts(r.leadDays) });
const fromScratch = (r: Results) => ({ deploymentDays: r.deploymentDays, failedChanges: r.failedChanges, commitDeliveries: r.commitDeliveries, leadDays: leadsFromDeliveries(r.leadDays) });

const onSqlite = (sqlite: BetterSqlite.Database, queries: Record<keyof Results, string>) =>
  Object.fromEntries(Object.entries(queries).map(([k, q]) => [k, sqlite.prepare(q).all() as Row[]])) as Results;

/** Runs each query through `all` (any engine's). */
async function onEngine(all: (sql: string) => Promise<Row[]>, queries: Record<keyof Results, string>): Promise<Results> {
  const results: Partial<Results> = {};
  for (const [k, q] of Object.entries(queries)) results[k as keyof Results] = await all(q);
  return results as Results;
}

/** lead_days as it must be: per service, environment and UTC day of commit_delivery_facts, the positive leads in ms (any order). */
export function leadDaysFromScratch(sqlite: BetterSqlite.Database): LeadDays {
  return leadsFromDeliveries(sqlite.prepare(LEADS_FROM_SCRATCH).all() as Row[]);
}

/** lead_days as kept: each day's parts joined; every part holds at most LEAD_PART values and counts them right. */
export function leadDaysKept(sqlite: BetterSqlite.Database): LeadDays {
  return leadsFromParts(sqlite.prepare(LEADS_KEPT).all() as Row[]);
}

/** Every rollup as kept, in a comparable form (lead_days as each day's sorted leads: the parts' order is not kept). */
export function keptRollups(sqlite: BetterSqlite.Database) {
  return kept(onSqlite(sqlite, KEPT));
}

/** Every rollup as the views say it must be, in the same form. */
export function rollupsFromScratch(sqlite: BetterSqlite.Database) {
  return fromScratch(onSqlite(sqlite, FROM_SCRATCH));
}

/** keptRollups through any engine's `all`. */
export async function keptRollupsOn(all: (sql: string) => Promise<Row[]>) {
  return kept(await onEngine(all, KEPT));
}

/** rollupsFromScratch through any engine's `all`. */
export async function rollupsFromScratchOn(all: (sql: string) => Promise<Row[]>) {
  return fromScratch(await onEngine(all, FROM_SCRATCH));
}
