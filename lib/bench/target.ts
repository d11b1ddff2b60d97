import fs from "node:fs";
import path from "node:path";
import { createDatabase, startPostgresCluster } from "@/db/test/postgres-cluster";
import { connectDatabase } from "@/db/client";
import { cachedDatabase } from "./cache";
import type { BenchSize } from "./plan";
import { loadIntoPostgres } from "./postgres-load";

export type Engine = "sqlite" | "postgres";

/** The database a bench run serves: its DATABASE_URL, the end of its data, and how to throw it away. */
export type BenchTarget = { engine: Engine; url: string; end: number; dispose: () => Promise<void> };

/** A fresh copy of the cached SQLite database, which the run may change. */
function sqliteTarget(dir: string, cached: { file: string; end: number }): BenchTarget {
  const work = path.join(dir, "work.db");
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(work + suffix, { force: true });
  fs.copyFileSync(cached.file, work);
  return { engine: "sqlite", url: `file:${work}`, end: cached.end, dispose: async () => undefined };
}

/**
 * A new database holding the cached rows, on the server TANDEM_BENCH_PG_URL names (a superuser URL: the
 * bench creates, loads and drops its own database there), else on a throw-away cluster started like the
 * tests' (db/test/postgres-cluster.ts). Never on DATABASE_URL: that is the team's own database.
 */
async function postgresTarget(cached: { file: string; end: number }, log: (line: string) => void): Promise<BenchTarget> {
  const given = process.env.TANDEM_BENCH_PG_URL;
  if (!given) log("Starting a throw-away PostgreSQL cluster…");
  const cluster = given ? undefined : await startPostgresCluster();
  let made: Awaited<ReturnType<typeof createDatabase>> | undefined;
  const dispose = async () => {
    try {
      await made?.drop();
    } finally {
      cluster?.stop();
    }
  };
  try {
    made = await createDatabase(given ?? cluster!.adminUrl, "tandem_bench");
    const { db } = await connectDatabase({ engine: "postgres", url: made.url });
    await db.close();
    log("Loading the benchmark rows into PostgreSQL…");
    const start = performance.now();
    await loadIntoPostgres(cached.file, made.url, (line) => log(`  ${line}`));
    log(`  done in ${((performance.now() - start) / 1000).toFixed(0)} s`);
    return { engine: "postgres", url: made.url, end: cached.end, dispose };
  } catch (e) {
    await dispose();
    throw e;
  }
}

/** The benchmark database for a size on an engine, made from the generator's cached SQLite file. */
export async function benchTarget(engine: Engine, dir: string, kind: string, size: BenchSize, log: (line: string) => void): Promise<BenchTarget> {
  const cached = cachedDatabase(dir, kind, size, log);
  return engine === "sqlite" ? sqliteTarget(dir, cached) : postgresTarget(cached, log);
}
