import { getDatabase } from "@/db/client";
import { getConfig } from "@/lib/config/config";
import { integrationKey } from "./integrations";
import { receiveWebhook } from "./receive";

/** Shared by /api/v1/webhooks/{source} and /api/v1/webhooks/{source}/{integration}. */
export async function handleWebhook(request: Request, params: { source: string; integration?: string }): Promise<Response> {
  const db = getDatabase();
  return receiveWebhook(db, await integrationKey(db, getConfig().secret), params.source, params.integration, request);
}
