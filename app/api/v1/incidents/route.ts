import { z } from "zod";
import { apiRoute } from "@/app/_http/api-route";
import { recordIncident } from "@/lib/incidents/record";
import { incidentPayload } from "@/lib/incidents/json";
import { incidentCreateSchema } from "@/lib/incidents/schema";

export const POST = apiRoute(
  { permission: "record", doing: "record incidents", query: z.object({}), body: incidentCreateSchema },
  async ({ db, actor, body }) => {
    const { incident, created } = await recordIncident(db, actor, `token:${actor.id}`, body);
    return Response.json(await incidentPayload(db.read, incident), { status: created ? 201 : 200 });
  },
);
