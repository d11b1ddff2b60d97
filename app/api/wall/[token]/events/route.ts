import { connection } from "next/server";
import { getDatabase } from "@/db/client";
import { changeStream } from "@/app/_http/event-stream";
import { grantWall } from "@/lib/wall/access";
import { currentSessionId } from "@/app/_http/session";

/** Server-Sent Events: a message whenever what the wall shows changes, so it refetches at once. */
export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  await connection();
  const db = getDatabase();
  const grant = await grantWall(db, (await params).token, currentSessionId);
  if (!grant.ok) return Response.json({ error: { code: grant.code, message: grant.message } }, { status: grant.status });
  return changeStream(db, request.signal, grant.stillOpen, grant.contentVersion);
}
