import { connectDatabase } from "@/db/client";
import { databaseTargetOf } from "@/db/url";
import { handWrittenMetrics } from "./ceiling";
import type { Goals } from "./goals";
import { sample, type Client } from "./http";
import { formatMs, summarize, timingRow, type Row } from "./stats";

type MetricsBody = { deploymentFrequency: { deployments: number }; changeFailureRate: { failed: number }; leadTime: { changes: number }; reworkRate: { unplanned: number } };

export type ReadSetup = { api: Client; ingest: Client; databaseUrl: string; from: number; to: number; service: string; runs: number; goals: Goals };

let writes = 0;
/** One small deployment, so the next read is the first after a write (nothing the app cached still holds). */
export const writeOne = (ingest: Client) =>
  ingest.post("/api/v1/deployments", { service: "bench-writes", status: "success", finishedAt: new Date().toISOString(), externalId: `bench-write-${process.pid}-${writes++}` });

/** The metrics API cold, warm and for one service, next to the same figures in hand-written SQL. */
export async function metricsRows(s: ReadSetup): Promise<Row[]> {
  const window = `from=${new Date(s.from).toISOString()}&to=${new Date(s.to).toISOString()}`;
  const all = `/api/v1/metrics?${window}`;
  const cold = await sample(() => s.api.json(all), s.runs, () => writeOne(s.ingest));
  const target = databaseTargetOf(s.databaseUrl);
  const { db } = await connectDatabase(target, { migrate: false });
  let reference: Awaited<ReturnType<typeof handWrittenMetrics>> | undefined;
  const sql = await sample(async () => (reference = await handWrittenMetrics(db.read, s.from, s.to)), s.runs).finally(() => db.close());
  const warm = await sample(() => s.api.json(all), s.runs);
  const one = await sample(() => s.api.json(`${all}&service=${s.service}`), s.runs, () => writeOne(s.ingest));
  checkAgreement(await s.api.json<MetricsBody>(all), reference!);
  const ratio = summarize(cold).median / summarize(sql).median;
  return [
    timingRow("GET /api/v1/metrics, 90 days, all services, cold", cold, s.goals.metricsCold),
    { figure: `  hand-written SQL of the same figures (${target.engine === "sqlite" ? "better-sqlite3" : "pg"})`, measured: `${formatMs(summarize(sql).median)} (p95 ${formatMs(summarize(sql).p95)})`, goal: "reference", ratio: `API cold / SQL ${ratio.toFixed(2)}` },
    timingRow("GET /api/v1/metrics, 90 days, all services, warm", warm, s.goals.metricsWarm),
    timingRow(`GET /api/v1/metrics, 90 days, one service (${s.service}), cold`, one, s.goals.metricsOneService),
  ];
}

/** A reference that disagrees with the API would make the comparison meaningless: say so loudly. */
function checkAgreement(api: MetricsBody, sql: Awaited<ReturnType<typeof handWrittenMetrics>>) {
  const pairs: [string, number, number][] = [
    ["deployments", api.deploymentFrequency.deployments, sql.deployments],
    ["failed changes", api.changeFailureRate.failed, sql.failed],
    ["lead-time changes", api.leadTime.changes, sql.changes],
  ];
  for (const [what, a, b] of pairs) if (a !== b) process.stderr.write(`bench: warning: ${what} differ between the API (${a}) and the hand-written SQL (${b})\n`);
}

type Page = { events: unknown[]; next: string | null };

/** The first timeline page, and a page `depth` pages deep reached by following the cursors. */
export async function timelineRows(api: Client, depth: number, runs: number, goalMs: number): Promise<Row[]> {
  const first = await sample(() => api.json("/api/v1/timeline?limit=50"), runs);
  let cursor: string | null = null;
  for (let i = 0; i < depth; i++) {
    const page: Page = await api.json<Page>(`/api/v1/timeline?limit=50${cursor ? `&before=${cursor}` : ""}`);
    if (!page.next) throw new Error(`the timeline ended after ${i + 1} pages, before ${depth}`);
    cursor = page.next;
  }
  const deep = await sample(async () => {
    const page = await api.json<Page>(`/api/v1/timeline?limit=50&before=${cursor}`);
    if (page.events.length !== 50) throw new Error(`page ${depth + 1} of the timeline has ${page.events.length} events`);
  }, runs);
  return [timingRow("GET /api/v1/timeline?limit=50, first page", first, goalMs), timingRow(`GET /api/v1/timeline?limit=50, ${depth.toLocaleString("en")} pages deep`, deep, goalMs)];
}

/** Time to the first byte of the overview for a signed-in user (fetch resolves once headers arrive). */
export async function overviewRow(page: Client, runs: number, goalMs: number): Promise<Row> {
  let body: Promise<string> | undefined;
  const samples = await sample(async () => {
    const response = await page.send("/");
    body = response.text();
  }, runs, () => body ?? Promise.resolve());
  await body;
  return timingRow("overview page (/), signed in, time to first byte", samples, goalMs);
}
