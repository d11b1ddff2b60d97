import { z } from "zod";
import { serviceSlugOf } from "@/db/queries/incidents";
import { apiRoute } from "@/lib/api/handler";
import { submitChange } from "@/lib/changes/submit";
import { changeJson } from "@/lib/ingest/json";
import { changeCreateSchema } from "@/lib/ingest/schema";

export const POST = apiRoute(
  { permission: "record", doing: "file change requests", query: z.object({}), body: changeCreateSchema },
  ({ db, actor, body }) => {
    const change = submitChange(db, actor, `token:${actor.id}`, body);
    return Response.json(changeJson(change, serviceSlugOf(db, change.serviceId)), { status: 201 });
  },
);
