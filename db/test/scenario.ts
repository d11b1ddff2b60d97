import { eq } from "drizzle-orm";
import type { Db } from "../client";
import { commits, deploymentCommits, deployments, incidents, services, type DeploymentStatus } from "../schema";
import type { OpenedDatabase } from "../client";
import { memoryDb } from "./temp-db";

/** A tiny builder for hand-made metric scenarios: times are ISO strings, ids come back for linking. */
export function scenario(opened: OpenedDatabase = memoryDb()) {
  const { db } = opened;
  const at = (iso: string) => new Date(iso);
  let seq = 0;

  function service(slug: string, team: string | null = null): number {
    const now = new Date();
    const existing = db.select({ id: services.id }).from(services).where(eq(services.slug, slug)).get();
    if (existing) return existing.id;
    return db.insert(services).values({ slug, name: slug, team, createdAt: now, updatedAt: now }).returning({ id: services.id }).get().id;
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
  }): number {
    const serviceId = service(o.service, o.team ?? null);
    const finished = at(o.finishedAt);
    const id = db
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
      .returning({ id: deployments.id })
      .get().id;
    for (const c of o.commits ?? []) {
      let commit = db.select({ id: commits.id }).from(commits).where(eq(commits.sha, c.sha)).get();
      commit ??= db.insert(commits).values({ serviceId, sha: c.sha, timestamp: at(c.at) }).returning({ id: commits.id }).get();
      db.insert(deploymentCommits).values({ deploymentId: id, commitId: commit.id }).run();
    }
    return id;
  }

  function incident(o: { service: string; startedAt: string; acknowledgedAt?: string; resolvedAt?: string; causedBy?: number }): number {
    const started = at(o.startedAt);
    return db
      .insert(incidents)
      .values({
        serviceId: service(o.service),
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
      .returning({ id: incidents.id })
      .get().id;
  }

  return { db: db as Db, service, deploy, incident };
}
