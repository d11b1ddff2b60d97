import { readRoute } from "@/app/_http/api-route";
import { timelinePage } from "@/lib/timeline/feed";
import { timelineQuerySchema } from "@/lib/timeline/query";

/** Read token, or the signed-in session (the timeline page polls it). */
export const GET = readRoute({ doing: "read the timeline", query: timelineQuerySchema }, async ({ db, query }) => Response.json(await timelinePage(db.read, query)));
