import Database from "better-sqlite3";
import { rawInsertRate } from "./ceiling";
import type { Client } from "./http";
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

/** Single deployments from 4 keep-alive clients at once, then batches of 1,000 against raw inserts on the same file. */
export async function ingestionRows(ingest: Client, databasePath: string, singles: number, batches: number): Promise<Row[]> {
  const run = Date.now().toString(16);
  let next = 0;
  const singleStart = performance.now();
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < singles) await ingest.post("/api/v1/deployments", deployment(`${run}a`, next++, 1));
    }),
  );
  const singleRate = singles / ((performance.now() - singleStart) / 1000);

  const bodies = Array.from({ length: batches }, (_, b) => ({ deployments: Array.from({ length: 1000 }, (_, i) => deployment(`${run}b`, b * 1000 + i, 3)) }));
  const batchStart = performance.now();
  for (const body of bodies) await ingest.post("/api/v1/deployments", body);
  const batchRate = (batches * 1000) / ((performance.now() - batchStart) / 1000);

  const sqlite = new Database(databasePath);
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("busy_timeout = 5000");
  const raw = rawInsertRate(sqlite, batches);
  sqlite.close();
  return [
    rateRow("ingestion, single POST /api/v1/deployments, 4 keep-alive clients", singleRate, 2000),
    rateRow("ingestion, batches of 1,000 (3 commits each)", batchRate, raw / 4, `≥ 25% of raw ${Math.round(raw)} / s`),
  ];
}
