import { and, eq, sql } from "drizzle-orm";
import type { Queryable } from "../database";
import { preparedStatements } from "../statements";
import { commits, deploymentCommits, deployments, pushes, type Deployment, type NewDeployment } from "../schema";
import { allRows } from "../raw";
import { together } from "../together";

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
const statements = preparedStatements((prepare, dialect) => ({
  byId: prepare("select * from deployments where id = ?"),
  byExternalId: prepare("select * from deployments where source = ? and external_id = ?"),
  insertDeployment: prepare(`insert into deployments (service_id, environment, version, sha, status, started_at, finished_at, source, external_id,
      rollback_of_id, unplanned, change_failed, change_request_id, deployed_by, url, created_at, updated_at)
    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning *`),
  upsertCommit: prepare(`insert into commits (service_id, sha, timestamp, message, author, parent_sha) values (?, ?, ?, ?, ?, ?)
    on conflict (service_id, sha) do update set timestamp = ${dialect.least("commits.timestamp", "excluded.timestamp")}, message = coalesce(commits.message, excluded.message),
      author = coalesce(commits.author, excluded.author), parent_sha = coalesce(commits.parent_sha, excluded.parent_sha)
    returning id, timestamp`),
  link: prepare("insert into deployment_commits (deployment_id, commit_id) values (?, ?) on conflict do nothing"),
}));

export async function findDeploymentById(q: Queryable, id: number): Promise<Deployment | undefined> {
  const row = await statements(q).byId.get<DeploymentRow>(id);
  return row && toDeployment(row);
}

export async function findDeploymentByExternalId(q: Queryable, source: string, externalId: string): Promise<Deployment | undefined> {
  const row = await statements(q).byExternalId.get<DeploymentRow>(source, externalId);
  return row && toDeployment(row);
}

export async function insertDeployment(q: Queryable, v: NewDeployment): Promise<Deployment> {
  const row = (await statements(q).insertDeployment.get<DeploymentRow>(
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
  ))!;
  return toDeployment(row);
}

export async function updateDeployment(q: Queryable, id: number, values: Partial<NewDeployment>): Promise<Deployment> {
  return (await q.update(deployments).set(values).where(eq(deployments.id, id)).returning())[0]!;
}

export type CommitValues = { sha: string; timestamp: Date; message?: string | null; author?: string | null; parentSha?: string | null };

/** A commit as stored: its id and its (earliest known) timestamp in ms. */
export type StoredCommit = { id: number; timestamp: number };

/** Records a commit once per service, keeping the earliest timestamp and the first known details. */
export async function upsertCommit(q: Queryable, serviceId: number, c: CommitValues): Promise<StoredCommit> {
  return (await statements(q).upsertCommit.get<StoredCommit>(serviceId, c.sha, c.timestamp.getTime(), c.message ?? null, c.author ?? null, c.parentSha ?? null))!;
}

export async function linkCommits(q: Queryable, deploymentId: number, commitIds: number[]): Promise<void> {
  const link = statements(q).link;
  // Sent together: one round trip on PostgreSQL (its pipeline), in order.
  await together(commitIds.map((commitId) => link.run(deploymentId, commitId)));
}

/** Its commits' shas, oldest first (ties by id: the order they were first recorded in). */
export async function listDeploymentShas(q: Queryable, deploymentId: number): Promise<string[]> {
  const rows = await q
    .select({ sha: commits.sha })
    .from(deploymentCommits)
    .innerJoin(commits, eq(commits.id, deploymentCommits.commitId))
    .where(eq(deploymentCommits.deploymentId, deploymentId))
    .orderBy(commits.timestamp, commits.id);
  return rows.map((r) => r.sha);
}

/** Successful deployments of a service whose head is one of the given shas (to re-derive after a late push). */
export async function successfulDeploymentsOfShas(q: Queryable, serviceId: number, shas: string[]): Promise<Deployment[]> {
  if (shas.length === 0) return [];
  const rows = await allRows<{ id: number }>(q, sql`select id from deployments where service_id = ${serviceId} and status = 'success'
      and sha in (${sql.join(shas.map((s) => sql`${s}`), sql`, `)})`);
  const found: Deployment[] = [];
  for (const r of rows) found.push((await findDeploymentById(q, r.id))!);
  return found;
}

export async function insertPush(q: Queryable, values: typeof pushes.$inferInsert): Promise<void> {
  await q.insert(pushes).values(values);
}

/** The commits a deployment lists (given or derived from pushes), oldest first. */
export async function deploymentCommitRows(q: Queryable, deploymentId: number) {
  return q
    .select({ sha: commits.sha, message: commits.message, author: commits.author, timestamp: commits.timestamp })
    .from(deploymentCommits)
    .innerJoin(commits, eq(commits.id, deploymentCommits.commitId))
    .where(eq(deploymentCommits.deploymentId, deploymentId))
    .orderBy(commits.timestamp);
}

/** The successful deployment that rolled this one back, if any. */
export async function rolledBackBy(q: Queryable, deploymentId: number): Promise<number | undefined> {
  const rows = await q
    .select({ id: deployments.id })
    .from(deployments)
    .where(and(eq(deployments.rollbackOfId, deploymentId), eq(deployments.status, "success")))
    .orderBy(deployments.finishedAt)
    .limit(1);
  return rows[0]?.id;
}
