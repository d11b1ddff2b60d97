import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { commits, deploymentCommits, deployments, pushes, type Deployment, type NewDeployment } from "../schema";

/* Writes and look-ups of the ingestion path (API, webhooks, forms). */

export function findDeploymentById(db: DbOrTx, id: number): Deployment | undefined {
  return db.select().from(deployments).where(eq(deployments.id, id)).get();
}

export function findDeploymentByExternalId(db: DbOrTx, source: string, externalId: string): Deployment | undefined {
  return db
    .select()
    .from(deployments)
    .where(and(eq(deployments.source, source), eq(deployments.externalId, externalId)))
    .get();
}

export function insertDeployment(db: DbOrTx, values: NewDeployment): Deployment {
  return db.insert(deployments).values(values).returning().get();
}

export function updateDeployment(db: DbOrTx, id: number, values: Partial<NewDeployment>): Deployment {
  return db.update(deployments).set(values).where(eq(deployments.id, id)).returning().get();
}

export type CommitValues = { sha: string; timestamp: Date; message?: string | null; author?: string | null; parentSha?: string | null };

/** Records a commit once per service, keeping the earliest timestamp and the first known details. */
export function upsertCommit(db: DbOrTx, serviceId: number, c: CommitValues): number {
  return db
    .insert(commits)
    .values({ serviceId, sha: c.sha, timestamp: c.timestamp, message: c.message ?? null, author: c.author ?? null, parentSha: c.parentSha ?? null })
    .onConflictDoUpdate({
      target: [commits.serviceId, commits.sha],
      set: {
        timestamp: sql`min(${commits.timestamp}, excluded.timestamp)`,
        message: sql`coalesce(${commits.message}, excluded.message)`,
        author: sql`coalesce(${commits.author}, excluded.author)`,
        parentSha: sql`coalesce(${commits.parentSha}, excluded.parent_sha)`,
      },
    })
    .returning({ id: commits.id })
    .get().id;
}

export function lookupCommit(db: DbOrTx, serviceId: number, sha: string): { id: number; parentSha: string | null } | undefined {
  return db
    .select({ id: commits.id, parentSha: commits.parentSha })
    .from(commits)
    .where(and(eq(commits.serviceId, serviceId), eq(commits.sha, sha)))
    .get();
}

export function linkCommits(db: DbOrTx, deploymentId: number, commitIds: number[]): void {
  for (const commitId of commitIds) db.insert(deploymentCommits).values({ deploymentId, commitId }).onConflictDoNothing().run();
}

export function listDeploymentShas(db: DbOrTx, deploymentId: number): string[] {
  return db
    .select({ sha: commits.sha })
    .from(deploymentCommits)
    .innerJoin(commits, eq(commits.id, deploymentCommits.commitId))
    .where(eq(deploymentCommits.deploymentId, deploymentId))
    .orderBy(commits.timestamp)
    .all()
    .map((r) => r.sha);
}

/** Whether a successful deployment of the same service and environment, earlier than `d`, lists the commit. */
export function deliveredBefore(db: DbOrTx, d: Pick<Deployment, "id" | "serviceId" | "environment" | "finishedAt">, commitId: number): boolean {
  const finished = d.finishedAt?.getTime() ?? Number.MAX_SAFE_INTEGER;
  return Boolean(
    db.get(sql`select 1 from deployment_commits dc join deployments e on e.id = dc.deployment_id
      where dc.commit_id = ${commitId} and e.service_id = ${d.serviceId} and e.environment = ${d.environment}
        and e.status = 'success' and e.id <> ${d.id}
        and (e.finished_at < ${finished} or (e.finished_at = ${finished} and e.id < ${d.id}))
      limit 1`),
  );
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
