import { z } from "zod";
import { apiRoute, replyResponse } from "@/app/_http/api-route";
import { RECORD_DEPLOYMENTS, recordDeploymentsReply } from "@/lib/ingest/deployments-endpoint";
import { deploymentPostSchema } from "@/lib/ingest/schema";

/** Served here under `next dev`; the production server answers it on its fast path (app/_server). */
export const POST = apiRoute({ ...RECORD_DEPLOYMENTS, query: z.object({}), body: deploymentPostSchema }, async ({ db, actor, body }) =>
  replyResponse(await recordDeploymentsReply(db, actor, body)),
);
