import type { Database, Queryable } from "@/db/database";
import { insertPush, successfulDeploymentsOfShas, upsertCommit } from "@/db/queries/ingest";
import type { Actor } from "@/lib/auth/actor";
import { ensureService } from "@/lib/services/services";
import { deriveDeliveredCommits } from "./deployments";

export type PushInput = {
  service: string;
  ref: string;
  before: string | null;
  after: string;
  forced: boolean;
  /** Oldest first, as GitHub and GitLab list them. */
  commits: { sha: string; timestamp: Date; message?: string | null; author?: string | null }[];
  at: Date;
};

const NO_COMMIT = /^0+$/;

/**
 * Records which commits reached a branch and in what order: each commit's parent is the one pushed
 * before it, the first one's is the branch's previous head, except after a force-push, where it is
 * unknown (the payload does not say where the new history forks). Deployments of a pushed sha that
 * arrived before the push get their delivered commits now.
 */
export function recordPush(db: Database, actor: Actor, source: string, push: PushInput): Promise<{ commits: number }> {
  return db.transaction((tx) => recordPushIn(tx, actor, source, push));
}

export async function recordPushIn(tx: Queryable, actor: Actor, source: string, push: PushInput): Promise<{ commits: number }> {
  const serviceId = await ensureService(tx, actor, push.service);
  const before = push.before && !NO_COMMIT.test(push.before) && !push.forced ? push.before : null;
  for (const [i, c] of push.commits.entries()) await upsertCommit(tx, serviceId, { ...c, parentSha: i === 0 ? before : push.commits[i - 1]!.sha });
  await insertPush(tx, {
    serviceId,
    ref: push.ref,
    beforeSha: push.before,
    afterSha: push.after,
    forced: push.forced,
    commitCount: push.commits.length,
    source,
    at: push.at,
  });
  for (const d of await successfulDeploymentsOfShas(tx, serviceId, push.commits.map((c) => c.sha))) await deriveDeliveredCommits(tx, d);
  return { commits: push.commits.length };
}
