import { connection } from "next/server";
import { getDb } from "@/db/client";
import { getCurrentUser } from "@/lib/auth/session";
import { wallData } from "@/lib/wall/data";
import { openWallLink } from "@/lib/wall/links";

const json = (body: unknown, status = 200) => Response.json(body, { status, headers: { "Cache-Control": "no-store" } });

/** The wall's data: for a share link's token (no sign-in, read-only), or "session" for a signed-in person. */
export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  await connection();
  const { token } = await params;
  const db = getDb();
  if (token === "session") {
    if (!(await getCurrentUser())) return json({ error: { code: "unauthorized", message: "Sign in to continue." } }, 401);
    return json(wallData(db, undefined));
  }
  const access = openWallLink(db, token);
  if (!access.ok) {
    const message = access.reason === "unknown" ? "There is no wall at this address." : `This link was ${access.reason}.`;
    return json({ error: { code: access.reason, message } }, access.reason === "unknown" ? 404 : 410);
  }
  return json(wallData(db, access.link.team ?? undefined));
}
