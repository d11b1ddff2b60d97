import { apiRoute, replyResponse } from "@/app/_http/api-route";
import { METRICS_ENDPOINT } from "@/lib/dora/metrics-endpoint";

/** Served here under `next dev`; the production server answers it on its read path (app/_server/read-fast-path.ts). */
export const GET = apiRoute(METRICS_ENDPOINT, async ({ db, query }) => replyResponse(await METRICS_ENDPOINT.reply(db, query)));
