import { apiRoute } from "@/app/_http/api-route";
import { computeMetrics } from "@/lib/dora/metrics";
import { metricsQuerySchema } from "@/lib/dora/query";

export const GET = apiRoute({ permission: "read", doing: "read metrics", query: metricsQuerySchema }, async ({ db, query }) =>
  Response.json(await computeMetrics(db, query)),
);
