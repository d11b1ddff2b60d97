import { z } from "zod";
import { apiRoute } from "@/app/_http/api-route";
import { POLICY_FIELDS, serviceApiSchema } from "@/lib/services/schema";
import { upsertService } from "@/lib/services/services";
import { slugSchema } from "@/lib/validation";
import { serviceJson } from "@/lib/services/json";
import { tokenCan } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";

export const PUT = apiRoute(
  {
    permission: "record",
    doing: "create or update services",
    query: z.object({}),
    params: z.object({ slug: slugSchema }),
    body: serviceApiSchema,
  },
  async ({ db, actor, body, params }) => {
    // A pipeline's ingest token must not switch off the gate that holds that pipeline back.
    const policy = POLICY_FIELDS.filter((f) => body[f] !== undefined);
    if (policy.length && !tokenCan(actor.role, "manage")) throw new AppError("forbidden", `A token with role ${actor.role} may not set ${policy.join(", ")}: deployment gating needs an admin token.`);
    const { service, created } = await upsertService(db, actor, params.slug, body);
    return Response.json(serviceJson(service), { status: created ? 201 : 200 });
  },
);
