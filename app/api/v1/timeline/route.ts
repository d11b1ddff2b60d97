import { readRoute, replyResponse } from "@/app/_http/api-route";
import { TIMELINE_ENDPOINT } from "@/lib/timeline/timeline-endpoint";

/**
 * Read token, or the signed-in session (the timeline page polls it). With a token, the production server
 * answers it on its read path (app/_server/read-fast-path.ts).
 */
export const GET = readRoute(TIMELINE_ENDPOINT, async ({ db, query }) => replyResponse(await TIMELINE_ENDPOINT.reply(db, query)));
