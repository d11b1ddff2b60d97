import { connection } from "next/server";
import { getDatabase } from "@/db/client";
import { HealthCheck } from "@/lib/health/health";

const health = new HealthCheck();

/** For load balancers and tests: 200 only when the database answers a read and takes a write. */
export async function GET() {
  await connection();
  const result = await health.check(getDatabase());
  if (result.status === "ok") return Response.json(result, { headers: { "Cache-Control": "no-store" } });
  console.error(`Health check failed: the database is ${result.problem}`);
  return Response.json(result, { status: 503, headers: { "Cache-Control": "no-store" } });
}
