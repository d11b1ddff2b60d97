import type { Database } from "@/db/database";
import type { EndpointAccess, Reply, TokenActor } from "@/lib/api/endpoint";
import { recordDeployments } from "./deployments";
import { deploymentJson } from "./json";
import type { DeploymentPost } from "./schema";

/**
 * `POST /api/v1/deployments`, once validated and authenticated. Next's route handler and the ingestion
 * fast path (app/_server) both answer with this.
 */
export const RECORD_DEPLOYMENTS: EndpointAccess = { permission: "record", doing: "record deployments" };

export async function recordDeploymentsReply(db: Database, actor: TokenActor, body: DeploymentPost): Promise<Reply> {
  const results = await recordDeployments(db, actor, `token:${actor.id}`, body.items, body.batch);
  const json = results.map((r) => deploymentJson(r.deployment, r.service, r.commits));
  const status = results.some((r) => r.created) ? 201 : 200;
  return { status, body: body.batch ? { deployments: json } : json[0] };
}
