import { z } from "zod";
import { apiRoute } from "@/app/_http/api-route";
import { removeFreeze } from "@/lib/changes/freezes";

export const DELETE = apiRoute(
  { permission: "manage", doing: "remove freeze windows", query: z.object({}), params: z.object({ id: z.coerce.number({ error: "must be a freeze id" }).int("must be a freeze id").positive("must be a freeze id") }) },
  async ({ db, actor, params }) => {
    await removeFreeze(db, actor, params.id);
    return new Response(null, { status: 204 });
  },
);
