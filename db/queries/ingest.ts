import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { preparedStatements } from "../sqlite/prepared";
import { commits, deploymentCommits, deployments, pushes, type Deployment, type NewDeployment } from "../schema";

/* Writes and look-ups of the ingestion path (API, webhooks, forms). */

type DeploymentRow = {
  id: number;
  service_id: number;
  environment: string;
  version: string | null;
  sha: string | null;
  status: Deployment["status"];
  started_at: number | null;
  finished_at: number | null;
  source: string;
  external_id: string | null;
  rollback_of_id: number | null;
  unplanned: number;
  change_failed: number;
  change_request_id: number | null;
  deployed_by: string | null;
  url: string | null;
  created_at: number;
  updated_at: number;
};

const date = (ms: number | null) => (ms === null ? null : new Date(ms));
const ms = (d: Date | null | undefined) => (d == null ? null : d.getTime());

/** A row as Drizzle would decode it (same keys in the same order, so audit JSON reads alike). */
function toDeployment(r: DeploymentRow): Deployment {
  return {
    id: r.id,
    serviceId: r.service_id,
    environment: r.environment,
    version: r.version,
    sha: r.sha,
    status: r.status,
    startedAt: date(r.started_at),
    finishedAt: date(r.finished_at),
    source: r.source,
    externalId: r.external_id,
    rollbackOfId: r.rollback_of_id,
    unplanned: r.unplanned === 1,
    changeFailed: r.change_failed === 1,
    changeRequestId: r.change_request_id,
    deployedBy: r.deployed_by,
    url: r.url,
    createdAt: new Date(r.created_at),
    updatedAt: new Date(r.updated_at),
  };
}

/* The statements recording a deployment runs, compiled once per connection (see prepared.ts). */
const statements = preparedStatements((prepare) => ({
  byId: prepare("select * from deployments where id = ?"),
  byExternalId: prepare("select * from deployments where source = ? and external_id = ?"),
  insertDeployment: prepare(`insert into deployments (service_id, environment, version, sha, status, started_at, finished_at, source, external_id,
      rollback_of_id, unplanned, change_failed, change_request_id, deployed_by, url, created_at, updated_at)
    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning *`),
  upsertCommit: prepare(`insert into commits (service_id, sha, timestamp, message, author, parent_sha) values (?, ?, ?, ?, ?, ?)
    on conflict (service_id, sha) do update set timestamp = min(commits.timestamp, excluded.timestamp), message = coalesce(commits.message, excluded.message),
      author = coalesce(commits.author, excluded.author), parent_sha = coalesce(commits.parent_sha, excluded.parent_sha)
    returning id, timestamp`),
  lookupCommit: prepare("select id, parent_sha as parentSha, timestamp from commits where service_id = ? and sha = ?"),
  link: prepare("insert into deployment_commits (deployment_id, commit_id) values (?, ?) on conflict do nothing"),
  deliveredBefore: prepare(`select 1 from deployment_commits dc join deployments e on e.id = dc.deployment_id
    where dc.commit_id = ? and e.service_id = ? and e.environment = ? and e.status = 'success' and e.id <> ?
      and (e.finished_at < ? or (e.finished_at = ? and e.id < ?))
    limit 1`),
}));

export function findDeploymentById(db: DbOrTx, id: number): Deployment | undefined {
  const row = statements(db).byId.get(id) as DeploymentRow | undefined;
  return row && toDeployment(row);
}

export function findDeploymentByExternalId(db: DbOrTx, source: string, externalId: string): Deployment | undefined {
  const row = statements(db).byExternalId.get(source, externalId) as DeploymentRow | undefined;
  return row && toDeployment(row);
}

export function insertDeployment(db: DbOrTx, v: NewDeployment): Deployment {
  const row = statements(db).insertDeployment.get(
    v.serviceId,
    v.environment ?? "production",
    v.version ?? null,
    v.sha ?? null,
    v.status,
    ms(v.startedAt),
    ms(v.finishedAt),
    v.source,
    v.externalId ?? null,
    v.rollbackOfId ?? null,
    v.unplanned ? 1 : 0,
    v.changeFailed ? 1 : 0,
    v.changeRequestId ?? null,
    v.deployedBy ?? null,
    v.url ?? null,
    v.createdAt.getTime(),
    v.updatedAt.getTime(),
  ) as DeploymentRow;
  return toDeployment(row);
}

export function updateDeployment(db: DbOrTx, id: number, values: Partial<NewDeployment>): Deployment {
  return db.update(deployments).set(values).where(eq(deployments.id, id)).returning().get();
}

export type CommitValues = { sha: string; timestamp: Date; message?: string | null; author?: string | null; parentSha?: string | null };

/** A commit as stored: its id and its (earliest known) timestamp in ms. */
export type StoredCommit = { id: number; timestamp: number };

/** Records a commit once per service, keeping the earliest timestamp and the first known details. */
export function upsertCommit(db: DbOrTx, serviceId: number, c: CommitValues): StoredCommit {
  return statements(db).upsertCommit.get(serviceId, c.sha, c.timestamp.getTime(), c.message ?? null, c.author ?? null, c.parentSha ?? null) as StoredCommit;
}

export function lookupCommit(db: DbOrTx, serviceId: number, sha: string): { id: number; parentSha: string | null; timestamp: number } | undefined {
  return statements(db).lookupCommit.get(serviceId, sha) as { id: number; parentSha: string | null; timestamp: number } | undefined;
}

export function linkCommits(db: DbOrTx, deploymentId: number, commitIds: number[]): void {
  const link = statements(db).link;
  for (const commitId of commitIds) link.run(deploymentId, commitId);
}

/** Its commits' shas, oldest first (ties by id: the order they were first recorded in). */
export function listDeploymentShas(db: DbOrTx, deploymentId: number): string[] {
  return db
    .select({ sha: commits.sha })
    .from(deploymentCommits)
    .innerJoin(commits, eq(commits.id, deploymentCommits.commitId))
    .where(eq(deploymentCommits.deploymentId, deploymentId))
    .orderBy(commits.timestamp, commits.id)
    .all()
    .map((r) => r.sha);
}

/** Whether a successful deployment of the same service and environment, earlier than `d`, lists the commit. */
export function deliveredBefore(db: DbOrTx, d: Pick<Deployment, "id" | "serviceId" | "environment" | "finishedAt">, commitId: number): boolean {
  const finished = d.finishedAt?.getTime() ?? Number.MAX_SAFE_INTEGER;
  return statements(db).deliveredBefore.get(commitId, d.serviceId, d.environment, d.id, finished, finished, d.id) !== undefined;
}

/** Successful deployments of a service whose head is one of the given shas (to re-derive after a late push). */
export function successfulDeploymentsOfShas(db: DbOrTx, serviceId: number, shas: string[]): Deployment[] {
  if (shas.length === 0) return [];
  return db.all<Deployment>(sql`select id from deployments where service_id = ${serviceId} and status = 'success'
      and sha in (${sql.join(shas.map((s) => sql`${s}`), sql`, `)})`).map((r) => findDeploymentById(db, r.id)!);
}

export function insertPush(db: DbOrTx, values: typeof pushes.$inferInsert): void {
  db.insert(pushes).values(values).run();
}

/** The commits a deployment lists (given or derived from pushes), oldest first. */
export function deploymentCommitRows(db: DbOrTx, deploymentId: number) {
  return db
    .select({ sha: commits.sha, message: commits.message, author: commits.author, timestamp: commits.timestamp })
    .from(deploymentCommits)
    .innerJoin(commits, eq(commits.id, deploymentCommits.commitId))
    .where(eq(deploymentCommits.deploymentId, deploymentId))
    .orderBy(commits.timestamp)
    .all();
}

/** The successful deployment that rolled this one back, if any. */
export function rolledBackBy(db: DbOrTx, deploymentId: number): number | undefined {
  return db
    .select({ id: deployments.id })
    .from(deployments)
    .where(and(eq(deployments.rollbackOfId, deploymentId), eq(deployments.status, "success")))
    .orderBy(deployments.finishedAt)
    .get()?.id;
}
