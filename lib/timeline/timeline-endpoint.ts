import type { ReadEndpoint } from "@/lib/api/read-endpoint";
import { timelinePage } from "./feed";
import { timelineQuerySchema } from "./query";

/** `GET /api/v1/timeline` with a token: Next's route and the production server's read path both answer with this. */
export const TIMELINE_ENDPOINT: ReadEndpoint<typeof timelineQuerySchema> = {
  permission: "read",
  doing: "read the timeline",
  query: timelineQuerySchema,
  reply: async (db, query) => ({ status: 200, body: await timelinePage(db.read, query) }),
};
