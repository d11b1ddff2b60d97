import Database from "better-sqlite3";
import { WAL_CHECKPOINT_PAGES } from "@/db/client";
import { rawInsertRate } from "./ceiling";
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

/**
 * Single deployments from 4 keep-alive clients at once, then batches of 1,000 against raw inserts on
 * the same file; each rate is the median of `runs` runs after a warm-up run.
 */
export async function ingestionRows(ingest: Client, databasePath: string, singles: number, batches: number, runs: number): Promise<Row[]> {
  const run = Date.now().toString(16);
  const poster = new KeepAlivePoster(ingest.base, ingest.headers, 4);
  const single = await rates(runs, async (tag) => {
    let next = 0;
    const start = performance.now();
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (next < singles) await poster.post("/api/v1/deployments", deployment(`${run}a${tag}`, next++, 1));
      }),
    );
    return singles / ((performance.now() - start) / 1000);
  });
  poster.close();

  const batch = await rates(runs, async (tag) => {
    const bodies = Array.from({ length: batches }, (_, b) => ({ deployments: Array.from({ length: 1000 }, (_, i) => deployment(`${run}b${tag}`, b * 1000 + i, 3)) }));
    const start = performance.now();
    for (const body of bodies) await ingest.post("/api/v1/deployments", body);
    return (batches * 1000) / ((performance.now() - start) / 1000);
  });

  const sqlite = new Database(databasePath);
  // The server's connection settings, so the ceiling differs from the server only in what it skips.
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma(`wal_autocheckpoint = ${WAL_CHECKPOINT_PAGES}`);
  sqlite.pragma("busy_timeout = 5000");
  const raw = rawInsertRate(sqlite, batches);
  sqlite.close();
  const slowest = (rate: { slowest: number }) => ` (slowest ${Math.round(rate.slowest)} / s)`;
  const single_ = rateRow("ingestion, single POST /api/v1/deployments, 4 keep-alive clients", single.median, 2000);
  const batch_ = rateRow("ingestion, batches of 1,000 (3 commits each)", batch.median, raw / 4, `≥ 25% of raw ${Math.round(raw)} / s`);
  return [
    { ...single_, measured: single_.measured + slowest(single) },
    { ...batch_, measured: batch_.measured + slowest(batch) },
  ];
}
