import { z } from "zod";
import { apiRoute } from "@/app/_http/api-route";
import { createFreeze, freezeApiSchema, freezeJson } from "@/lib/changes/freezes";

export const POST = apiRoute({ permission: "manage", doing: "set freeze windows", query: z.object({}), body: freezeApiSchema }, async ({ db, actor, body }) => {
  const freeze = await createFreeze(db, actor, body);
  return Response.json(freezeJson(freeze, body.service), { status: 201 });
});
