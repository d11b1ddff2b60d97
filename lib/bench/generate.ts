import fs from "node:fs";
import type Database from "better-sqlite3";
import { openDatabase } from "@/db/client";
import type { ChangeRequest, Deployment, Incident, NewTimelineEvent } from "@/db/schema";
import { changeEvent, deploymentEvent, incidentEvent } from "@/lib/timeline/events";
import { BenchPlan, type BenchChange, type BenchDeployment, type BenchIncident, type BenchRow, type BenchSize } from "./plan";

export type BenchCounts = { services: number; deployments: number; commits: number; incidents: number; changes: number; events: number };

/**
 * The tables the generator fills, their secondary indexes built once at the end (commit_deliveries, which
 * triggers fill, keeps its indexes while rows go in: the triggers that keep lead_days read them).
 */
export const TABLES = ["services", "deployments", "commits", "deployment_commits", "incidents", "change_requests", "timeline_events"];
// So do these: the triggers that keep failed_changes look up a deployment's rollbacks and incidents by them,
// and those that keep commit_deliveries a commit's deployments (commit_delivery_facts starts from its links).
const KEPT_INDEXES = ["deployments_rollback_of_idx", "incidents_caused_by_idx", "deployment_commits_commit_idx"];
const SOURCE = "bench";

/**
 * Writes the benchmark database to `file` (replacing it) straight through prepared statements: the
 * schema comes from the migrations, but rows skip the app's per-row work, with journaling off and the
 * secondary indexes built once at the end, which is several times faster than maintaining them per row.
 */
export function generateBenchDatabase(file: string, size: BenchSize, options: { seed: number; end: number; progress?: (line: string) => void }): BenchCounts {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + suffix, { force: true });
  const { sqlite } = openDatabase(file);
  try {
    sqlite.pragma("journal_mode = OFF");
    sqlite.pragma("synchronous = OFF");
    sqlite.pragma("foreign_keys = OFF");
    sqlite.pragma("cache_size = -524288");
    sqlite.pragma("temp_store = MEMORY");
    const indexes = dropIndexes(sqlite);
    const counts = writeRows(sqlite, new BenchPlan(size, options.seed, options.end), options.progress);
    options.progress?.("building indexes…");
    for (const create of indexes) sqlite.exec(create);
    sqlite.pragma("journal_mode = WAL");
    sqlite.exec("ANALYZE");
    return counts;
  } finally {
    sqlite.close();
  }
}

function dropIndexes(sqlite: Database.Database): string[] {
  const rows = sqlite
    .prepare(`select name, sql from sqlite_master where type = 'index' and sql is not null and tbl_name in (${TABLES.map(() => "?").join(", ")})
      and name not in (${KEPT_INDEXES.map(() => "?").join(", ")})`)
    .all(...TABLES, ...KEPT_INDEXES) as { name: string; sql: string }[];
  for (const { name } of rows) sqlite.exec(`drop index "${name}"`);
  return rows.map((r) => r.sql);
}

function writeRows(sqlite: Database.Database, plan: BenchPlan, progress?: (line: string) => void): BenchCounts {
  const counts: BenchCounts = { services: plan.services.length, deployments: 0, commits: 0, incidents: 0, changes: 0, events: 0 };
  const created = plan.firstDay;
  const service = sqlite.prepare("insert into services (id, slug, name, team, repository, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)");
  const deployment = sqlite.prepare(`insert into deployments (id, service_id, environment, version, sha, status, started_at, finished_at, source, external_id,
    rollback_of_id, unplanned, change_failed, change_request_id, deployed_by, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, '${SOURCE}', ?, ?, ?, ?, ?, ?, ?, ?)`);
  const commit = sqlite.prepare("insert into commits (id, service_id, sha, timestamp, message, author) values (?, ?, ?, ?, ?, ?)");
  const link = sqlite.prepare("insert into deployment_commits (deployment_id, commit_id) values (?, ?)");
  const incident = sqlite.prepare(`insert into incidents (id, service_id, title, severity, status, started_at, acknowledged_at, resolved_at, caused_by_id, source, external_id,
    created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, '${SOURCE}', ?, ?, ?)`);
  const change = sqlite.prepare(`insert into change_requests (id, service_id, title, type, risk, status, source, external_id, submitted_at, decided_at, implemented_at,
    created_at, updated_at) values (?, ?, ?, ?, ?, ?, '${SOURCE}', ?, ?, ?, ?, ?, ?)`);
  const event = sqlite.prepare("insert into timeline_events (at, type, action, service_id, environment, summary, subject_id, subject_external_id) values (?, ?, ?, ?, ?, ?, ?, ?)");
  const addEvent = (e: NewTimelineEvent) => {
    event.run(e.at.getTime(), e.type, e.action, e.serviceId, e.environment ?? null, e.summary, e.subjectId, e.subjectExternalId ?? null);
    counts.events++;
  };

  sqlite.transaction(() => {
    for (const s of plan.services) service.run(s.id, s.slug, s.name, s.team, `https://git.example.com/acme/${s.slug}`, created, created);
  })();
  const writeDay = sqlite.transaction((rows: BenchRow[]) => {
    for (const { kind, row } of rows) {
      if (kind === "deployment") {
        const d = deploymentRow(row);
        deployment.run(d.id, d.serviceId, d.environment, d.version, d.sha, d.status, ms(d.startedAt), ms(d.finishedAt), d.externalId, d.rollbackOfId, +d.unplanned, +d.changeFailed, d.changeRequestId, d.deployedBy, ms(d.createdAt), ms(d.updatedAt));
        for (const c of row.newCommits) commit.run(c.id, row.service.id, c.sha, c.timestamp, c.message, c.author);
        for (const id of row.commitIds) link.run(d.id, id);
        addEvent(deploymentEvent(d, row.service.slug));
        counts.deployments++;
        counts.commits += row.newCommits.length;
      } else if (kind === "incident") {
        const i = incidentRow(row);
        incident.run(i.id, i.serviceId, i.title, i.severity, i.status, ms(i.startedAt), ms(i.acknowledgedAt), ms(i.resolvedAt), i.causedById, i.externalId, ms(i.createdAt), ms(i.updatedAt));
        addEvent(incidentEvent({ ...i, status: "investigating" }, null, i.startedAt));
        counts.incidents++;
      } else {
        const c = changeRow(row);
        change.run(c.id, c.serviceId, c.title, c.type, c.risk, c.status, c.externalId, ms(c.submittedAt), ms(c.decidedAt), ms(c.implementedAt), ms(c.createdAt), ms(c.updatedAt));
        const latest = latestChangeEvent(row);
        if (latest) addEvent(changeEvent(c, latest.action, new Date(latest.at)));
        counts.changes++;
      }
    }
  });
  let day = 0;
  let reported = -1;
  for (const rows of plan.days()) {
    writeDay(rows);
    const tenth = Math.floor((++day * 10) / plan.size.days);
    if (tenth !== reported) {
      reported = tenth;
      progress?.(`${tenth * 10}% of ${plan.size.days} days: ${counts.deployments.toLocaleString("en")} deployments, ${counts.commits.toLocaleString("en")} commits`);
    }
  }
  return counts;
}

const ms = (d: Date | null) => (d === null ? null : d.getTime());
const date = (n: number | null) => (n === null ? null : new Date(n));

/** Rows shaped like the app's own, so the timeline events come from the app's own event builders. */
function deploymentRow(d: BenchDeployment): Deployment {
  const startedAt = new Date(d.startedAt);
  return {
    id: d.id, serviceId: d.service.id, environment: d.environment, version: d.version, sha: d.sha, status: d.status, startedAt, finishedAt: date(d.finishedAt),
    source: SOURCE, externalId: `bench-${d.id}`, rollbackOfId: d.rollbackOfId, unplanned: d.unplanned, changeFailed: d.changeFailed,
    changeRequestId: d.changeRequestId, deployedBy: d.deployedBy, url: null, createdAt: startedAt, updatedAt: date(d.finishedAt) ?? startedAt,
  };
}

function incidentRow(i: BenchIncident): Incident {
  const startedAt = new Date(i.startedAt);
  return {
    id: i.id, serviceId: i.service.id, title: i.title, severity: i.severity, status: i.status, startedAt, acknowledgedAt: date(i.acknowledgedAt),
    resolvedAt: date(i.resolvedAt), causedById: i.causedById, leadId: null, communicationsId: null, summary: null, summaryHtml: null, postmortem: null, postmortemHtml: null, source: SOURCE, externalId: `bench-${i.id}`,
    createdBy: null, createdAt: startedAt, updatedAt: date(i.resolvedAt) ?? startedAt,
  };
}

function changeRow(c: BenchChange): ChangeRequest {
  const createdAt = new Date(c.createdAt);
  return {
    id: c.id, serviceId: c.service.id, title: c.title, description: null, rollbackPlan: null, type: c.type, risk: c.risk, status: c.status,
    awaitingRetroactiveApproval: false, plannedStart: null, plannedEnd: null, requesterId: null, source: SOURCE, externalId: `bench-${c.id}`,
    submittedAt: date(c.submittedAt), decidedAt: date(c.decidedAt), implementedAt: date(c.implementedAt), templateId: null, createdAt,
    updatedAt: date(c.implementedAt ?? c.decidedAt ?? c.submittedAt) ?? createdAt,
  };
}

/** The last thing that happened to a change, as the app records it (a draft has not reached the timeline yet). */
function latestChangeEvent(c: BenchChange): { action: string; at: number } | null {
  if (c.implementedAt !== null) return { action: c.status === "failed" ? "failed" : "implemented", at: c.implementedAt };
  if (c.decidedAt !== null) return { action: c.status === "rejected" ? "rejected" : "approved", at: c.decidedAt };
  if (c.status === "cancelled") return { action: "cancelled", at: c.createdAt + 3_600_000 };
  if (c.submittedAt !== null) return { action: "submitted", at: c.submittedAt };
  return null;
}
