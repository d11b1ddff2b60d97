import { z } from "zod";
import { serviceSlugOf } from "@/db/queries/incidents";
import { apiRoute } from "@/app/_http/api-route";
import { submitChange } from "@/lib/changes/submit";
import { changeJson } from "@/lib/changes/json";
import { changeApiSchema } from "@/lib/changes/schema";

export const POST = apiRoute(
  { permission: "record", doing: "file change requests", query: z.object({}), body: changeApiSchema },
  async ({ db, actor, body }) => {
    const change = await submitChange(db, actor, `token:${actor.id}`, body);
    return Response.json(changeJson(change, await serviceSlugOf(db.read, change.serviceId)), { status: 201 });
  },
);
