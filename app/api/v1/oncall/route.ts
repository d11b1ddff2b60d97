import { readRoute } from "@/app/_http/api-route";
import { oncallJson } from "@/lib/oncall/oncall";
import { oncallQuerySchema } from "@/lib/teams/schema";

/** Read token, or the signed-in session. */
export const GET = readRoute({ doing: "read who is on call", query: oncallQuerySchema }, async ({ db, query }) => Response.json(await oncallJson(db.read, query.team, new Date())));
