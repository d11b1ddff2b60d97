import type { Deployment } from "@/db/schema";
import { isoOrNull } from "@/lib/time";


/** A deployment as the API returns it. */
export function deploymentJson(d: Deployment, service: string, commitShas: string[]) {
  return {
    id: d.id,
    service,
    environment: d.environment,
    version: d.version,
    sha: d.sha,
    status: d.status,
    startedAt: isoOrNull(d.startedAt),
    finishedAt: isoOrNull(d.finishedAt),
    commits: commitShas,
    externalId: d.externalId,
    rollbackOf: d.rollbackOfId,
    unplanned: d.unplanned,
    changeFailed: d.changeFailed,
    changeRequest: d.changeRequestId,
    deployedBy: d.deployedBy,
    url: d.url,
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
  };
}
