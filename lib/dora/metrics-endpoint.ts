import type { ReadEndpoint } from "@/lib/api/read-endpoint";
import { computeMetrics } from "./metrics";
import { metricsQuerySchema } from "./query";

/** `GET /api/v1/metrics`: Next's route and the production server's read path both answer with this. */
export const METRICS_ENDPOINT: ReadEndpoint<typeof metricsQuerySchema> = {
  permission: "read",
  doing: "read metrics",
  query: metricsQuerySchema,
  reply: async (db, query) => ({ status: 200, body: await computeMetrics(db, query) }),
};
