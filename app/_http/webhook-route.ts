import { getDatabase } from "@/db/client";
import { getConfig } from "@/lib/config/config";
import { integrationKey } from "@/lib/webhooks/integrations";
import { receiveWebhook } from "@/lib/webhooks/receive";
import { replyResponse } from "./api-route";
import { readLimitedBody } from "./request-body";

/** Shared by /api/v1/webhooks/{source} and /api/v1/webhooks/{source}/{integration}. */
export async function handleWebhook(request: Request, params: { source: string; integration?: string }): Promise<Response> {
  const db = getDatabase();
  const key = await integrationKey(db, getConfig().secret);
  return replyResponse(await receiveWebhook(db, key, { ...params, integration: params.integration, headers: request.headers, body: () => readLimitedBody(request) }));
}
