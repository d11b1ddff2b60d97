import type Database from "better-sqlite3";

/*
 * The ceilings the app is compared with, run in the bench process on the same file: what plain
 * better-sqlite3 does without the app's layers (validation, ORM, caching, HTTP).
 */

const DAY = 86_400_000;
const WEEK = 7 * DAY;
/** 1970-01-05 was a Monday. */
const MONDAY = 4 * DAY;
const weekOf = (ms: number) => Math.floor((ms - MONDAY) / WEEK) * WEEK + MONDAY;

/** PERCENTILE_CONT over a list (sorted here). */
function percentile(values: number[], p: number): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = p * (sorted.length - 1);
  const lo = Math.floor(rank);
  return sorted[lo]! + ((sorted[lo + 1] ?? sorted[lo]!) - sorted[lo]!) * (rank - lo);
}

type Failed = { finished_at: number; failed: number; rework: number; recovered_at: number | null };

/**
 * The metrics of the contract for all services, written the obvious way: one query per figure,
 * medians in JavaScript. Returns the totals the API also reports, to check both agree.
 */
export function handWrittenMetrics(sqlite: Database.Database, from: number, to: number, environment = "production") {
  const d = sqlite
    .prepare(
      `with d as (
         select id, service_id, finished_at, change_failed, unplanned, rollback_of_id,
           (select min(r.finished_at) from deployments r where r.rollback_of_id = d.id and r.status = 'success') as rollback_at,
           (select count(*) from incidents i where i.caused_by_id = d.id) as incidents,
           (select count(*) from incidents i where i.caused_by_id = d.id and (i.status <> 'resolved' or i.resolved_at is null)) as open,
           (select max(i.resolved_at) from incidents i where i.caused_by_id = d.id) as resolved_at
         from deployments d
         where environment = :env and status = 'success' and finished_at >= :from and finished_at < :to
       )
       select finished_at,
         (change_failed or rollback_at is not null or incidents > 0) as failed,
         (unplanned or rollback_of_id is not null) as rework,
         case
           when rollback_at is not null and incidents > 0 and open = 0 then min(rollback_at, resolved_at)
           when rollback_at is not null then rollback_at
           when incidents > 0 and open = 0 then resolved_at
           when incidents > 0 then null
           when change_failed then (select min(n.finished_at) from deployments n where n.service_id = d.service_id and n.environment = :env
             and n.status = 'success' and (n.finished_at > d.finished_at or (n.finished_at = d.finished_at and n.id > d.id)))
         end as recovered_at
       from d`,
    )
    .all({ env: environment, from, to }) as Failed[];
  const leads = sqlite
    .prepare(
      `select x.at, (x.at - c.timestamp) / 1000.0 as seconds
       from (select dc.commit_id, min(d.finished_at) as at from deployment_commits dc join deployments d on d.id = dc.deployment_id
             where d.environment = :env and d.status = 'success' and d.finished_at < :to group by dc.commit_id) x
         join commits c on c.id = x.commit_id
       where x.at >= :from and x.at > c.timestamp`,
    )
    .all({ env: environment, from, to }) as { at: number; seconds: number }[];
  const incidents = sqlite
    .prepare("select started_at, acknowledged_at, case when status = 'resolved' then resolved_at end as resolved_at from incidents where started_at >= ? and started_at < ?")
    .all(from, to) as { started_at: number; acknowledged_at: number | null; resolved_at: number | null }[];

  const failed = d.filter((r) => r.failed);
  const recoveries = failed.filter((r) => r.recovered_at !== null).map((r) => ({ at: r.finished_at, seconds: (r.recovered_at! - r.finished_at) / 1000 }));
  const weeks = new Map<number, { deployments: number; failed: number; leads: number[]; recoveries: number[] }>();
  const week = (at: number) => {
    const key = weekOf(at);
    if (!weeks.has(key)) weeks.set(key, { deployments: 0, failed: 0, leads: [], recoveries: [] });
    return weeks.get(key)!;
  };
  for (const r of d) {
    week(r.finished_at).deployments++;
    if (r.failed) week(r.finished_at).failed++;
  }
  for (const l of leads) week(l.at).leads.push(l.seconds);
  for (const r of recoveries) week(r.at).recoveries.push(r.seconds);
  return {
    deployments: d.length,
    deployDays: new Set(d.map((r) => Math.floor(r.finished_at / DAY))).size,
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
