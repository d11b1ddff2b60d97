import { z } from "zod";
import { readRoute } from "@/app/_http/api-route";
import { openApiDocument } from "@/lib/api/openapi";
import { publicBaseUrl } from "@/lib/url";

export const GET = readRoute({ doing: "read the API description", query: z.object({}) }, ({ request }) =>
  Response.json(openApiDocument(publicBaseUrl(request.headers))),
);
