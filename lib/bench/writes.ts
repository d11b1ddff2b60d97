import Database from "better-sqlite3";
import { tuneWriter } from "@/db/client";
import { databaseTargetOf } from "@/db/url";
import { rawInsertRate, rawPostgresInsertRate } from "./ceiling";
import { KeepAlivePoster, type Client } from "./http";
import { rateRow, type Row } from "./stats";

const HOUR = 3_600_000;

function deployment(run: string, i: number, commits: number) {
  const now = Date.now();
  return {
    service: `bench-${i % 20}`,
    status: "success",
    startedAt: new Date(now - HOUR / 6).toISOString(),
    finishedAt: new Date(now).toISOString(),
    externalId: `bench-${run}-${i}`,
    commits: Array.from({ length: commits }, (_, c) => ({ sha: `${run}${i.toString(16)}c${c}`.padEnd(40, "0").slice(0, 40), timestamp: new Date(now - HOUR).toISOString() })),
  };
}

/** Rates of `runs` runs after one warm-up run (not kept): the median, and the slowest. */
async function rates(runs: number, once: (tag: string) => Promise<number>): Promise<{ median: number; slowest: number }> {
  const kept: number[] = [];
  for (let r = -1; r < runs; r++) {
    const rate = await once((r + 1).toString(16));
    if (r >= 0) kept.push(rate);
  }
  kept.sort((a, b) => a - b);
  return { median: kept[Math.floor(kept.length / 2)]!, slowest: kept[0]! };
}

/** The plain-driver ceiling for batches, on the database the servers use. */
async function rawRate(databaseUrl: string, batches: number): Promise<number> {
  const target = databaseTargetOf(databaseUrl);
  if (target.engine === "postgres") return rawPostgresInsertRate(target.url, batches);
  const sqlite = new Database(target.file);
  try {
    tuneWriter(sqlite);
    return rawInsertRate(sqlite, batches);
  } finally {
    sqlite.close();
  }
}

export type IngestionPlan = { singles: number; batches: number; runs: number; singleGoal: number; raw: string };

/**
 * Single deployments from 4 keep-alive clients at once, spread evenly over the servers given (one on
 * SQLite, two sharing a PostgreSQL database), then batches of 1,000 through the first against raw inserts
 * on the same database; each rate is the median of `runs` runs after a warm-up run.
 */
export async function ingestionRows(ingest: Client[], databaseUrl: string, plan: IngestionPlan): Promise<Row[]> {
  const run = Date.now().toString(16);
  const clients = 4;
  const posters = ingest.map((server) => new KeepAlivePoster(server.base, server.headers, clients / ingest.length));
  const single = await rates(plan.runs, async (tag) => {
    let next = 0;
    const start = performance.now();
    await Promise.all(
      Array.from({ length: clients }, async (_, c) => {
        const poster = posters[c % posters.length]!;
        while (next < plan.singles) await poster.post("/api/v1/deployments", deployment(`${run}a${tag}`, next++, 1));
      }),
    );
    return plan.singles / ((performance.now() - start) / 1000);
  });
  for (const poster of posters) poster.close();

  const batch = await rates(plan.runs, async (tag) => {
    const bodies = Array.from({ length: plan.batches }, (_, b) => ({ deployments: Array.from({ length: 1000 }, (_, i) => deployment(`${run}b${tag}`, b * 1000 + i, 3)) }));
    const start = performance.now();
    for (const body of bodies) await ingest[0]!.post("/api/v1/deployments", body);
    return (plan.batches * 1000) / ((performance.now() - start) / 1000);
  });

  const raw = await rawRate(databaseUrl, plan.batches);
  const slowest = (rate: { slowest: number }) => ` (slowest ${Math.round(rate.slowest)} / s)`;
  const over = ingest.length > 1 ? `, over ${ingest.length} servers` : "";
  const single_ = rateRow(`ingestion, single POST /api/v1/deployments, ${clients} keep-alive clients${over}`, single.median, plan.singleGoal);
  const batch_ = rateRow("ingestion, batches of 1,000 (3 commits each)", batch.median, raw / 4, `≥ 25% of ${plan.raw} ${Math.round(raw)} / s`);
  return [
    { ...single_, measured: single_.measured + slowest(single) },
    { ...batch_, measured: batch_.measured + slowest(batch) },
  ];
}
