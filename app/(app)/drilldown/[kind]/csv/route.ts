import { getDatabase } from "@/db/client";
import { errorResponse } from "@/app/_http/api-route";
import { getCurrentUser } from "@/app/_http/session";
import { describeDrilldown, drilldownBatches } from "@/lib/dora/drilldown";
import { drilldownCsvStream, seriesCsv } from "@/lib/dora/drilldown-csv";
import { DRILLDOWNS, type Drilldown } from "@/lib/dora/links";
import { computeMetrics } from "@/lib/dora/metrics";
import { metricsQuerySchema } from "@/lib/dora/query";
import { AppError, invalid, notFound, unauthorized } from "@/lib/errors";

/**
 * CSV of a drill-down's rows, or of the weekly series (`/drilldown/series/csv`), for the signed-in user.
 * A drill-down streams, a batch of rows per query as the client reads, so a million rows never sit in memory.
 */
export async function GET(request: Request, { params }: { params: Promise<{ kind: string }> }) {
  try {
    const { kind } = await params;
    if (kind !== "series" && !DRILLDOWNS.includes(kind as Drilldown)) throw notFound("export", kind);
    const parsed = metricsQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!parsed.success) throw invalid(parsed.error.issues);
    if (!(await getCurrentUser())) throw unauthorized();
    const db = getDatabase();
    const q = parsed.data;
    const body =
      kind === "series" ? seriesCsv(await computeMetrics(db, q)) : drilldownCsvStream(describeDrilldown(kind as Drilldown), drilldownBatches(db.read, kind as Drilldown, q));
    const name = `tandem-${kind}-${q.from.toISOString().slice(0, 10)}-${q.to.toISOString().slice(0, 10)}.csv`;
    return new Response(body, { headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${name}"`, "Cache-Control": "no-store" } });
  } catch (error) {
    if (error instanceof AppError) return errorResponse(error);
    throw error;
  }
}
