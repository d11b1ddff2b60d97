import { z } from "zod";
import { apiRoute } from "@/app/_http/api-route";
import { prometheusExposition } from "@/lib/dora/prometheus";

/** Prometheus scrape endpoint; needs a token with the read role, like the API. */
export const GET = apiRoute({ permission: "read", doing: "read metrics", query: z.object({}) }, async ({ db }) =>
  new Response(await prometheusExposition(db.read), { headers: { "Content-Type": "text/plain; version=0.0.4; charset=utf-8", "Cache-Control": "no-store" } }),
);
