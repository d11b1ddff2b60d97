import type Database from "better-sqlite3";
import { sql } from "drizzle-orm";
import pg from "pg";
import type { Queryable } from "@/db/database";
import { RECOVERED_AT } from "@/db/queries/metric-facts";
import { allRows } from "@/db/raw";
import { mondayOf, percentiles } from "@/lib/dora/groups";

/*
 * The ceilings the app is compared with, run in the bench process on the same database: what plain SQL
 * does without the app's layers (validation, ORM, caching, HTTP).
 */

/** Median or 90th percentile as the app takes them (lib/dora/groups.ts: PERCENTILE_CONT), null for none. */
function percentile(values: number[], p: 0.5 | 0.9): number | null {
  if (!values.length) return null;
  const { p50, p90 } = percentiles(Float64Array.from(values));
  return p === 0.5 ? p50 : p90;
}

/**
 * The metrics of the contract for all services, written the obvious way: one query per figure, the same
 * SQL on both engines, over the views that state the rules (counted_deployments, failed_change_evidence,
 * commit_delivery_facts) and the recovery rule (RECOVERED_AT), not the rollups the app reads; medians in
 * JavaScript. Returns the totals the API also reports, to check both agree.
 */
export async function handWrittenMetrics(q: Queryable, from: number, to: number, env = "production") {
  const d = await allRows<{ finished_at: number; day: number; rework: number }>(
    q,
    sql`select finished_at, day, rework from counted_deployments where environment = ${env} and finished_at >= ${from} and finished_at < ${to}`,
  );
  const failed = await allRows<{ finished_at: number; recovered_at: number | null }>(
    q,
    sql`select f.finished_at, ${sql.raw(RECOVERED_AT)} as recovered_at from failed_change_evidence f
      where f.environment = ${env} and f.finished_at >= ${from} and f.finished_at < ${to}`,
  );
  const leads = await allRows<{ at: number; seconds: number }>(
    q,
    sql`select delivered_at as at, seconds from commit_delivery_facts where environment = ${env} and delivered_at >= ${from} and delivered_at < ${to} and seconds > 0`,
  );
  const incidents = await allRows<{ started_at: number; acknowledged_at: number | null; resolved_at: number | null }>(
    q,
    sql`select started_at, acknowledged_at, case when status = 'resolved' then resolved_at end as resolved_at from incidents where started_at >= ${from} and started_at < ${to}`,
  );

  const recoveries = failed.filter((r) => r.recovered_at !== null).map((r) => ({ at: r.finished_at, seconds: (r.recovered_at! - r.finished_at) / 1000 }));
  const weeks = new Map<number, { deployments: number; failed: number; leads: number[]; recoveries: number[] }>();
  const week = (at: number) => {
    const key = mondayOf(at);
    if (!weeks.has(key)) weeks.set(key, { deployments: 0, failed: 0, leads: [], recoveries: [] });
    return weeks.get(key)!;
  };
  for (const r of d) week(r.finished_at).deployments++;
  for (const r of failed) week(r.finished_at).failed++;
  for (const l of leads) week(l.at).leads.push(l.seconds);
  for (const r of recoveries) week(r.at).recoveries.push(r.seconds);
  return {
    deployments: d.length,
    deployDays: new Set(d.map((r) => r.day)).size,
    leadMedian: percentile(leads.map((l) => l.seconds), 0.5),
    leadP90: percentile(leads.map((l) => l.seconds), 0.9),
    changes: leads.length,
    failed: failed.length,
    recoveryMedian: percentile(recoveries.map((r) => r.seconds), 0.5),
    rework: d.filter((r) => r.rework).length,
    restoreMedian: percentile(incidents.filter((i) => i.resolved_at !== null).map((i) => (i.resolved_at! - i.started_at) / 1000), 0.5),
    mttaMedian: percentile(incidents.filter((i) => i.acknowledged_at !== null).map((i) => (i.acknowledged_at! - i.started_at) / 1000), 0.5),
    series: [...weeks].map(([weekStart, w]) => ({ weekStart, deployments: w.deployments, cfr: w.failed / w.deployments, lead: percentile(w.leads, 0.5), recovery: percentile(w.recoveries, 0.5) })),
  };
}

/**
 * Batch ingestion's ceiling: the rows one API batch writes (deployment, its commits and their links, its
 * timeline event and audit entry), inserted with prepared statements in one transaction per 1,000.
 */
export function rawInsertRate(sqlite: Database.Database, batches: number): number {
  const now = Date.now();
  const service = sqlite.prepare("insert into services (slug, name, created_at, updated_at) values ('raw-bench', 'raw', ?, ?) on conflict(slug) do update set name = name returning id").get(now, now) as { id: number };
  const deployment = sqlite.prepare(`insert into deployments (service_id, environment, status, started_at, finished_at, source, external_id, unplanned, change_failed, created_at, updated_at)
    values (?, 'production', 'success', ?, ?, 'raw', ?, 0, 0, ?, ?)`);
  const commit = sqlite.prepare("insert into commits (service_id, sha, timestamp) values (?, ?, ?)");
  const link = sqlite.prepare("insert into deployment_commits (deployment_id, commit_id) values (?, ?)");
  const event = sqlite.prepare("insert into timeline_events (at, type, action, service_id, environment, summary, subject_id, subject_external_id) values (?, 'deployment', 'succeeded', ?, 'production', ?, ?, ?)");
  const audit = sqlite.prepare("insert into audit_log (at, actor_type, actor_id, actor_label, action, entity_type, entity_id, before, after) values (?, 'token', '1', 'raw', 'deployment.create', 'deployment', ?, null, ?)");
  const write = sqlite.transaction((b: number) => {
    for (let i = 0; i < 1000; i++) {
      const externalId = `raw-${now}-${b}-${i}`;
      const id = deployment.run(service.id, now, now, externalId, now, now).lastInsertRowid;
      for (let c = 0; c < 3; c++) link.run(id, commit.run(service.id, `${externalId}-${c}`, now - 3_600_000).lastInsertRowid);
      event.run(now, service.id, `raw-bench ${externalId} deployed to production`, id, externalId);
      audit.run(now, String(id), JSON.stringify({ id, serviceId: service.id, externalId, status: "success", finishedAt: now }));
    }
  });
  const start = performance.now();
  for (let b = 0; b < batches; b++) write(b);
  return (batches * 1000) / ((performance.now() - start) / 1000);
}

/**
 * The same ceiling on PostgreSQL: the same rows through plain `pg` (prepared statements, one round trip
 * each, one transaction per 1,000), on the same tables, indexes and triggers.
 */
export async function rawPostgresInsertRate(url: string, batches: number): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const now = Date.now();
    const run = async <T extends pg.QueryResultRow>(name: string, text: string, values: unknown[]) => (await client.query<T>({ name, text, values })).rows;
    const [service] = await run<{ id: number }>(
      "raw-service",
      "insert into services (slug, name, created_at, updated_at) values ('raw-bench', 'raw', $1, $1) on conflict (slug) do update set name = excluded.name returning id",
      [now],
    );
    const start = performance.now();
    for (let b = 0; b < batches; b++) {
      await client.query("begin");
      for (let i = 0; i < 1000; i++) {
        const externalId = `raw-${now}-${b}-${i}`;
        const [deployment] = await run<{ id: number }>(
          "raw-deployment",
          `insert into deployments (service_id, environment, status, started_at, finished_at, source, external_id, unplanned, change_failed, created_at, updated_at)
            values ($1, 'production', 'success', $2, $2, 'raw', $3, false, false, $2, $2) returning id`,
          [service!.id, now, externalId],
        );
        const id = deployment!.id;
        for (let c = 0; c < 3; c++) {
          const [commit] = await run<{ id: number }>("raw-commit", "insert into commits (service_id, sha, timestamp) values ($1, $2, $3) returning id", [service!.id, `${externalId}-${c}`, now - 3_600_000]);
          await run("raw-link", "insert into deployment_commits (deployment_id, commit_id) values ($1, $2)", [id, commit!.id]);
        }
        await run(
          "raw-event",
          "insert into timeline_events (at, type, action, service_id, environment, summary, subject_id, subject_external_id) values ($1, 'deployment', 'succeeded', $2, 'production', $3, $4, $5)",
          [now, service!.id, `raw-bench ${externalId} deployed to production`, id, externalId],
        );
        await run(
          "raw-audit",
          "insert into audit_log (at, actor_type, actor_id, actor_label, action, entity_type, entity_id, before, after) values ($1, 'token', '1', 'raw', 'deployment.create', 'deployment', $2, null, $3)",
          [now, String(id), JSON.stringify({ id, serviceId: service!.id, externalId, status: "success", finishedAt: now })],
        );
      }
      await client.query("commit");
    }
    return (batches * 1000) / ((performance.now() - start) / 1000);
  } finally {
    await client.end();
  }
}
