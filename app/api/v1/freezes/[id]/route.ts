import { z } from "zod";
import { apiRoute } from "@/app/_http/api-route";
import { removeFreeze } from "@/lib/changes/freezes";
import { recordId } from "@/lib/whole-number";

export const DELETE = apiRoute(
  { permission: "manage", doing: "remove freeze windows", query: z.object({}), params: z.object({ id: recordId("must be a freeze id") }) },
  async ({ db, actor, params }) => {
    await removeFreeze(db, actor, params.id);
    return new Response(null, { status: 204 });
  },
);
