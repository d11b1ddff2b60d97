import fs from "node:fs";
import path from "node:path";
import type { CliIo } from "@/lib/cli/io";
import { runCli } from "@/lib/cli/run";
import { cachedDatabase } from "./cache";
import { drilldownRows } from "./drilldowns";
import { Client } from "./http";
import { FULL_SIZE, QUICK_SIZE, DAY } from "./plan";
import { metricsRows, overviewRow, timelineRows } from "./reads";
import { startServer } from "./server";
import { sessionCookie } from "./session";
import { table, type Row } from "./stats";
import { wallRows } from "./wall";
import { ingestionRows } from "./writes";

/**
 * `npm run bench [-- --quick]`: generates (or reuses) a large database, serves a copy with the
 * production build, and measures what users feel. Prints one table; asserts no timing (timings are
 * not tests), but any failed step exits non-zero.
 */
const quick = process.argv.includes("--quick");
const size = quick ? QUICK_SIZE : FULL_SIZE;
const plan = quick ? { runs: 5, depth: 100, singles: 400, batches: 3, writeRuns: 3 } : { runs: 15, depth: 1000, singles: 4000, batches: 10, writeRuns: 5 };
const dir = path.join(process.cwd(), ".bench");
const work = path.join(dir, "work.db");
const log = (line: string) => process.stderr.write(line + "\n");

async function cli(databasePath: string, ...argv: string[]): Promise<string> {
  const lines: string[] = [];
  const io: CliIo = { out: (l) => lines.push(l), err: log, env: { DATABASE_URL: `file:${databasePath}` }, interactive: false };
  if ((await runCli(argv, io)) !== 0) throw new Error(`tandem ${argv[0]} ${argv[1]} failed`);
  return lines.at(-1)!;
}

/** A fresh copy of the cached database, with the credentials the bench uses. */
async function prepareCopy() {
  const cached = cachedDatabase(dir, quick ? "quick" : "full", size, log);
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(work + suffix, { force: true });
  fs.copyFileSync(cached.file, work);
  const password = `bench-${process.pid}-password`;
  await cli(work, "user", "add", "--email", "bench@example.com", "--name", "Bench", "--role", "viewer", "--password", password);
  return {
    end: cached.end,
    ingest: await cli(work, "token", "create", "--name", "bench ingest", "--role", "ingest"),
    read: await cli(work, "token", "create", "--name", "bench read", "--role", "read"),
    wallPath: await cli(work, "wall-link", "create", "--name", "bench"),
    password,
  };
}

async function main() {
  if (!fs.existsSync(path.join(".next", "BUILD_ID"))) throw new Error("no production build: run `npm run build` first");
  const setup = await prepareCopy();
  log("Starting the production server…");
  const server = await startServer(work);
  try {
    const api = new Client(server.base, { authorization: `Bearer ${setup.read}` });
    const ingest = new Client(server.base, { authorization: `Bearer ${setup.ingest}` });
    const page = new Client(server.base, { cookie: await sessionCookie(work, "bench@example.com", setup.password) });
    const rows: Row[] = [];
    const step = async (what: string, measure: () => Promise<Row[]>) => {
      log(`Measuring ${what}…`);
      rows.push(...(await measure()));
      log(`  server memory so far: ${Math.round(server.peakRssMb())} MB at peak, ${Math.round(server.rssMb())} MB now`);
    };
    const readSetup = { api, ingest, databasePath: work, from: setup.end - 90 * DAY, to: setup.end, service: "checkout-api", runs: plan.runs };
    await step("the metrics API and its SQL reference", () => metricsRows(readSetup));
    await step("the timeline", () => timelineRows(api, plan.depth, plan.runs));
    await step("the overview page", async () => [await overviewRow(page, plan.runs)]);
    await step("the drill-downs", () => drilldownRows(page, readSetup, plan.runs, server.peakRssMb));
    await step("ingestion", () => ingestionRows(ingest, work, plan.singles, plan.batches, plan.writeRuns));
    await step("the wall", () => wallRows(new Client(server.base), ingest, setup.wallPath, plan.runs));
    rows.push({ figure: "server resident memory (peak, sampled every 100 ms)", measured: `${Math.round(server.peakRssMb())} MB`, goal: "≤ 300 MB", ratio: (server.peakRssMb() / 300).toFixed(2) });
    console.log(`\nTandem bench (${quick ? "quick" : "full"}: ${size.deployments.toLocaleString("en")} deployments, ${size.services} services, ${size.days} days; median of ${plan.runs} runs after 2 warm-ups)\n`);
    console.log(table(rows));
  } finally {
    await server.stop();
  }
}

main().catch((e) => {
  // fetch reports a refused or reset connection only in its cause.
  const cause = e instanceof Error && e.cause instanceof Error ? ` (${e.cause.message})` : "";
  console.error(`bench: ${e instanceof Error ? e.message : String(e)}${cause}`);
  process.exitCode = 1;
});
