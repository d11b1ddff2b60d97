import { connection } from "next/server";
import { getOpenedDatabase } from "@/db/client";

/** Liveness for load balancers and tests: 200 only when the database answers a query. */
export async function GET() {
  await connection();
  try {
    getOpenedDatabase().sqlite.prepare("select 1").get();
    return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    console.error("Health check failed:", error);
    return Response.json({ status: "error" }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
