import { eq } from "drizzle-orm";
import type { Queryable } from "../database";
import { commits, deploymentCommits, deployments, incidents, services, type DeploymentStatus } from "../schema";
import type { Database, SqliteDatabase } from "../client";
import { memoryDb } from "./temp-db";

/** A tiny builder for hand-made metric scenarios: times are ISO strings, ids come back for linking. */
export function scenario<D extends Database = SqliteDatabase>(db: D = memoryDb().db as Database as D) {
  const at = (iso: string) => new Date(iso);
  let seq = 0;

  async function serviceIn(tx: Queryable, slug: string, team: string | null): Promise<number> {
    const now = new Date();
    const [existing] = await tx.select({ id: services.id }).from(services).where(eq(services.slug, slug)).limit(1);
    if (existing) return existing.id;
    return (await tx.insert(services).values({ slug, name: slug, team, createdAt: now, updatedAt: now }).returning({ id: services.id }))[0]!.id;
  }

  function service(slug: string, team: string | null = null): Promise<number> {
    return db.transaction((tx) => serviceIn(tx, slug, team));
  }

  function deploy(o: {
    service: string;
    team?: string;
    finishedAt: string;
    status?: DeploymentStatus;
    environment?: string;
    commits?: { sha: string; at: string }[];
    rollbackOf?: number;
    unplanned?: boolean;
    changeFailed?: boolean;
  }): Promise<number> {
    return db.transaction(async (tx) => {
      const serviceId = await serviceIn(tx, o.service, o.team ?? null);
      const finished = at(o.finishedAt);
      const [row] = await tx
        .insert(deployments)
        .values({
          serviceId,
          environment: o.environment ?? "production",
          status: o.status ?? "success",
          startedAt: finished,
          finishedAt: finished,
          source: "test",
          externalId: `d${++seq}`,
          rollbackOfId: o.rollbackOf ?? null,
          unplanned: o.unplanned ?? false,
          changeFailed: o.changeFailed ?? false,
          createdAt: finished,
          updatedAt: finished,
        })
        .returning({ id: deployments.id });
      const id = row!.id;
      for (const c of o.commits ?? []) {
        let [commit] = await tx.select({ id: commits.id }).from(commits).where(eq(commits.sha, c.sha)).limit(1);
        commit ??= (await tx.insert(commits).values({ serviceId, sha: c.sha, timestamp: at(c.at) }).returning({ id: commits.id }))[0]!;
        await tx.insert(deploymentCommits).values({ deploymentId: id, commitId: commit.id });
      }
      return id;
    });
  }

  function incident(o: { service: string; startedAt: string; acknowledgedAt?: string; resolvedAt?: string; causedBy?: number }): Promise<number> {
    const started = at(o.startedAt);
    return db.transaction(async (tx) => {
      const serviceId = await serviceIn(tx, o.service, null);
      const rows = await tx
        .insert(incidents)
        .values({
          serviceId,
          title: "incident",
          severity: "SEV2",
          status: o.resolvedAt ? "resolved" : "investigating",
          startedAt: started,
          acknowledgedAt: o.acknowledgedAt ? at(o.acknowledgedAt) : null,
          resolvedAt: o.resolvedAt ? at(o.resolvedAt) : null,
          causedById: o.causedBy ?? null,
          source: "test",
          externalId: `i${++seq}`,
          createdAt: started,
          updatedAt: started,
        })
        .returning({ id: incidents.id });
      return rows[0]!.id;
    });
  }

  return { db, service, deploy, incident };
}
