import { z } from "zod";
import { apiRoute } from "@/app/_http/api-route";
import { askGate, gateQuestionSchema } from "@/lib/changes/ask-gate";

/** 200 whatever the decision: a deny is an answer, not an error (CONTRACT.md, "POST /api/v1/gate"). */
export const POST = apiRoute({ permission: "record", doing: "ask the deployment gate", query: z.object({}), body: gateQuestionSchema }, async ({ db, actor, body }) =>
  Response.json(await askGate(db, actor, body)),
);
