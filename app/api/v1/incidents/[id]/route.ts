import { z } from "zod";
import { apiRoute } from "@/app/_http/api-route";
import { patchIncident } from "@/lib/incidents/record";
import { incidentPayload } from "@/lib/incidents/json";
import { incidentPatchSchema } from "@/lib/incidents/schema";
import { recordId } from "@/lib/whole-number";

export const PATCH = apiRoute(
  {
    permission: "record",
    doing: "update incidents",
    query: z.object({}),
    params: z.object({ id: recordId("must be an incident id") }),
    body: incidentPatchSchema,
  },
  async ({ db, actor, body, params }) => {
    const incident = await patchIncident(db, actor, `token:${actor.id}`, params.id, body);
    return Response.json(await incidentPayload(db.read, incident));
  },
);
