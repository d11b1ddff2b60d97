import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import type { CliIo } from "@/lib/cli/io";
import { runCli } from "@/lib/cli/run";
import { drilldownRows } from "./drilldowns";
import { GOALS } from "./goals";
import { Client } from "./http";
import { FULL_SIZE, QUICK_SIZE, DAY } from "./plan";
import { metricsRows, overviewRow, timelineRows } from "./reads";
import { startServer, type Server } from "./server";
import { sessionCookie } from "./session";
import { table, type Row } from "./stats";
import { benchTarget, type Engine } from "./target";
import { wallRows } from "./wall";
import { ingestionRows } from "./writes";

/**
 * `npm run bench [-- --quick] [-- --engine sqlite|postgres|both]`: generates (or reuses) a large database,
 * serves it with the production build (on PostgreSQL, two servers on one database, as a team would run
 * it), and measures what users feel. Prints one table per engine; asserts no timing (timings are not
 * tests), but any failed step exits non-zero.
 */
const { values: options } = parseArgs({ options: { quick: { type: "boolean", default: false }, engine: { type: "string", default: "sqlite" } }, strict: true });
const ENGINES: Record<string, Engine[]> = { sqlite: ["sqlite"], postgres: ["postgres"], both: ["sqlite", "postgres"] };
const engines = ENGINES[options.engine];
const quick = options.quick;
const size = quick ? QUICK_SIZE : FULL_SIZE;
// The quick run proves the bench runs on both engines (the last step of npm test); with one batch of 1,000
// per run instead of three, both engines' quick run took 1.7 min instead of 2.3 at a slow hour.
const plan = quick ? { runs: 5, depth: 100, singles: 400, batches: 1, writeRuns: 3 } : { runs: 15, depth: 1000, singles: 4000, batches: 10, writeRuns: 5 };
const dir = path.join(process.cwd(), ".bench");
const log = (line: string) => process.stderr.write(line + "\n");

async function cli(databaseUrl: string, ...argv: string[]): Promise<string> {
  const lines: string[] = [];
  const io: CliIo = { out: (l) => lines.push(l), err: log, env: { DATABASE_URL: databaseUrl }, interactive: false };
  if ((await runCli(argv, io)) !== 0) throw new Error(`tandem ${argv[0]} ${argv[1]} failed`);
  return lines.at(-1)!;
}

/** The credentials the bench uses, made in the database it serves. */
async function credentials(databaseUrl: string) {
  const password = `bench-${process.pid}-password`;
  await cli(databaseUrl, "user", "add", "--email", "bench@example.com", "--name", "Bench", "--role", "viewer", "--password", password);
  return {
    ingest: await cli(databaseUrl, "token", "create", "--name", "bench ingest", "--role", "ingest"),
    read: await cli(databaseUrl, "token", "create", "--name", "bench read", "--role", "read"),
    wallPath: await cli(databaseUrl, "wall-link", "create", "--name", "bench"),
    cookie: await sessionCookie(databaseUrl, "bench@example.com", password),
  };
}

/** Every figure on one engine: reads through the first server, single posts over all, the wall on the last. */
async function measure(engine: Engine): Promise<string> {
  const goals = GOALS[engine];
  const target = await benchTarget(engine, dir, quick ? "quick" : "full", size, log);
  const servers: Server[] = [];
  try {
    const setup = await credentials(target.url);
    const count = engine === "postgres" ? 2 : 1;
    log(`Starting ${count === 1 ? "the production server" : `${count} production servers on one database`}…`);
    for (let i = 0; i < count; i++) servers.push(await startServer(target.url));
    const [first, last] = [servers[0]!, servers.at(-1)!];
    const api = new Client(first.base, { authorization: `Bearer ${setup.read}` });
    const ingest = servers.map((s) => new Client(s.base, { authorization: `Bearer ${setup.ingest}` }));
    const page = new Client(first.base, { cookie: setup.cookie });
    const rows: Row[] = [];
    const step = async (what: string, measureStep: () => Promise<Row[]>) => {
      log(`Measuring ${what} (${engine})…`);
      rows.push(...(await measureStep()));
      const memory = servers.map((s) => `${Math.round(s.peakRssMb())} MB at peak, ${Math.round(s.rssMb())} MB now`);
      log(`  server memory so far: ${memory.join("; ")}`);
    };
    const readSetup = { api, ingest: ingest[0]!, databaseUrl: target.url, from: target.end - 90 * DAY, to: target.end, service: "checkout-api", runs: plan.runs, goals };
    await step("the metrics API and its SQL reference", () => metricsRows(readSetup));
    await step("the timeline", () => timelineRows(api, plan.depth, plan.runs, goals.timeline));
    await step("the overview page", async () => [await overviewRow(page, plan.runs, goals.overview)]);
    await step("the drill-downs", () => drilldownRows(page, readSetup, plan.runs, goals, first.peakRssMb));
    const ingestion = { singles: plan.singles, batches: plan.batches, runs: plan.writeRuns, singleGoal: goals.singlesPerSecond, raw: engine === "sqlite" ? "raw" : "raw pg" };
    await step("ingestion", () => ingestionRows(ingest, target.url, ingestion));
    await step("the wall", () => wallRows(new Client(last.base), ingest[0]!, setup.wallPath, plan.runs, goals.wall));
    servers.forEach((s, i) => {
      const which = count === 1 ? "server" : `server ${i + 1} of ${count}`;
      rows.push({ figure: `${which} resident memory (peak, sampled every 100 ms)`, measured: `${Math.round(s.peakRssMb())} MB`, goal: `≤ ${goals.rssMb} MB`, ratio: (s.peakRssMb() / goals.rssMb).toFixed(2) });
    });
    const where = engine === "sqlite" ? "SQLite" : `PostgreSQL, ${count} app servers on one database`;
    return `\nTandem bench on ${where} (${quick ? "quick" : "full"}: ${size.deployments.toLocaleString("en")} deployments, ${size.services} services, ${size.days} days; median of ${plan.runs} runs after 2 warm-ups)\n\n${table(rows)}`;
  } finally {
    for (const s of servers) await s.stop();
    await target.dispose();
  }
}

async function main() {
  if (!engines) throw new Error(`--engine must be sqlite, postgres or both, not ${options.engine}`);
  if (!fs.existsSync(path.join(".next", "BUILD_ID"))) throw new Error("no production build: run `npm run build` first");
  // Each table is printed when its engine is done, so a failure on the second keeps the first.
  for (const engine of engines) console.log(await measure(engine));
}

main().catch((e) => {
  // fetch reports a refused or reset connection only in its cause.
  const cause = e instanceof Error && e.cause instanceof Error ? ` (${e.cause.message})` : "";
  console.error(`bench: ${e instanceof Error ? e.message : String(e)}${cause}`);
  process.exitCode = 1;
});
