import { z } from "zod";
import { apiRoute } from "@/app/_http/api-route";
import { createActionItem, incidentActionItems } from "@/lib/action-items/items";
import { actionItemJson } from "@/lib/action-items/json";
import { actionItemCreateSchema } from "@/lib/action-items/schema";
import { recordId } from "@/lib/whole-number";

const params = z.object({ id: recordId("must be an incident id") });

export const GET = apiRoute({ permission: "read", doing: "read action items", query: z.object({}), params }, async ({ db, params }) =>
  Response.json({ actionItems: await incidentActionItems(db.read, params.id, new Date()) }),
);

export const POST = apiRoute({ permission: "record", doing: "record action items", query: z.object({}), params, body: actionItemCreateSchema }, async ({ db, actor, params, body }) =>
  Response.json(actionItemJson(await createActionItem(db, actor, params.id, body), new Date()), { status: 201 }),
);
