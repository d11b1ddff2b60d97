import { connection } from "next/server";
import { getDatabase } from "@/db/client";
import { settings } from "@/db/schema";

/** Liveness for load balancers and tests: 200 only when the database answers a query. */
export async function GET() {
  await connection();
  try {
    await getDatabase().read.select({ key: settings.key }).from(settings).limit(1);
    return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    console.error("Health check failed:", error);
    return Response.json({ status: "error" }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
