import { z } from "zod";
import { apiRoute } from "@/app/_http/api-route";
import { changeActionItem } from "@/lib/action-items/items";
import { actionItemJson } from "@/lib/action-items/json";
import { actionItemPatchSchema } from "@/lib/action-items/schema";
import { recordId } from "@/lib/whole-number";

export const PATCH = apiRoute(
  {
    permission: "record",
    doing: "update action items",
    query: z.object({}),
    params: z.object({ id: recordId("must be an action item id") }),
    body: actionItemPatchSchema,
  },
  async ({ db, actor, params, body }) => Response.json(actionItemJson(await changeActionItem(db, actor, params.id, body), new Date())),
);
