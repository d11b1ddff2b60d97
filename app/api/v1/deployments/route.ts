import { z } from "zod";
import { apiRoute } from "@/lib/api/handler";
import { recordDeployments } from "@/lib/ingest/deployments";
import { deploymentJson } from "@/lib/ingest/json";
import { deploymentPostSchema } from "@/lib/ingest/schema";

export const POST = apiRoute(
  { permission: "record", doing: "record deployments", query: z.object({}), body: deploymentPostSchema },
  ({ db, actor, body }) => {
    const results = recordDeployments(db, actor, `token:${actor.id}`, body.items, body.batch);
    const json = results.map((r) => deploymentJson(r.deployment, r.service, r.commits));
    const status = results.some((r) => r.created) ? 201 : 200;
    return Response.json(body.batch ? { deployments: json } : json[0], { status });
  },
);
