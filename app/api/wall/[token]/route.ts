import { connection } from "next/server";
import { getDatabase } from "@/db/client";
import { grantWall } from "@/lib/wall/access";
import { wallData } from "@/lib/wall/data";
import { currentSessionId } from "@/app/_http/session";

const json = (body: unknown, status = 200) => Response.json(body, { status, headers: { "Cache-Control": "no-store" } });

/** The wall's data, every view at once: for a share link's token (no sign-in, read-only), or "session". */
export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  await connection();
  const db = getDatabase();
  const grant = await grantWall(db, (await params).token, currentSessionId);
  if (!grant.ok) return json({ error: { code: grant.code, message: grant.message } }, grant.status);
  return json(await wallData(db, grant.views, grant.rotateSeconds));
}
