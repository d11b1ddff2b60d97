import { z } from "zod";
import { apiRoute } from "@/app/_http/api-route";
import { serviceFieldsSchema } from "@/lib/services/schema";
import { upsertService } from "@/lib/services/services";
import { slugSchema } from "@/lib/validation";
import { serviceJson } from "@/lib/services/json";

export const PUT = apiRoute(
  {
    permission: "record",
    doing: "create or update services",
    query: z.object({}),
    params: z.object({ slug: slugSchema }),
    body: serviceFieldsSchema.strict(),
  },
  async ({ db, actor, body, params }) => {
    const { service, created } = await upsertService(db, actor, params.slug, body);
    return Response.json(serviceJson(service), { status: created ? 201 : 200 });
  },
);
