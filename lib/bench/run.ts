import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import type { CliIo } from "@/lib/cli/io";
import { runCli } from "@/lib/cli/run";
import { summarize, table, type Row } from "./stats";

/**
 * `npm run bench [-- --quick]`: builds (or reuses) a demo database, serves it with the production build,
 * and measures what users feel. Prints one table; asserts nothing (timings are not tests).
 */
const quick = process.argv.includes("--quick");
const size = quick ? { days: 30, services: 8, singles: 400, batches: 3 } : { days: 365, services: 60, singles: 4000, batches: 10 };
const dir = path.join(process.cwd(), ".bench");
const cached = path.join(dir, `demo-${size.days}d-${size.services}s.db`);
const work = path.join(dir, "work.db");
const port = 3900 + Math.floor(Math.random() * 90);
const base = `http://127.0.0.1:${port}`;

const quiet: CliIo = { out: () => undefined, err: (l) => process.stderr.write(l + "\n"), env: {}, interactive: false };
const cli = async (env: Record<string, string>, ...argv: string[]) => {
  const lines: string[] = [];
  const code = await runCli(argv, { ...quiet, env, out: (l) => lines.push(l) });
  if (code !== 0) throw new Error(`tandem ${argv.join(" ")} failed`);
  return lines;
};

async function prepare(): Promise<Record<string, string>> {
  fs.mkdirSync(dir, { recursive: true });
  if (!fs.existsSync(cached)) {
    console.error(`Generating the ${size.days}-day, ${size.services}-service database (cached for next runs)…`);
    await cli({ DATABASE_URL: `file:${cached}` }, "seed", "--demo", "--days", String(size.days), "--services", String(size.services), "--seed", "42");
    new Database(cached).pragma("wal_checkpoint(TRUNCATE)");
  }
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(work + suffix, { force: true });
  fs.copyFileSync(cached, work);
  const env = { DATABASE_URL: `file:${work}` };
  const token = async (role: string) => (await cli(env, "token", "create", "--name", `bench ${role}`, "--role", role)).at(-1)!;
  return { ...env, ingest: await token("ingest"), read: await token("read") };
}

async function time<T>(fn: () => Promise<T>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

async function expectOk(response: Response, what: string) {
  if (!response.ok) throw new Error(`${what}: HTTP ${response.status} ${await response.text()}`);
  await response.arrayBuffer();
}

const deployment = (i: number, commits: number) => ({
  service: `bench-${i % 20}`,
  status: "success",
  startedAt: new Date(Date.now() - 600_000).toISOString(),
  finishedAt: new Date().toISOString(),
  externalId: `bench-${process.pid}-${i}`,
  commits: Array.from({ length: commits }, (_, c) => ({ sha: (i * 10 + c).toString(16).padStart(40, "0"), timestamp: new Date(Date.now() - 3_600_000).toISOString() })),
});

/** The same rows written straight through better-sqlite3: the ceiling for batch ingestion. */
function rawInsertRate(rows: number): number {
  const db = new Database(work);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  const now = Date.now();
  const service = db.prepare("insert into services (slug, name, created_at, updated_at) values ('raw-bench', 'raw', ?, ?) on conflict(slug) do update set name = name returning id").get(now, now) as { id: number };
  const insertDeployment = db.prepare("insert into deployments (service_id, environment, status, started_at, finished_at, source, external_id, unplanned, change_failed, created_at, updated_at) values (?, 'production', 'success', ?, ?, 'raw', ?, 0, 0, ?, ?)");
  const insertCommit = db.prepare("insert into commits (service_id, sha, timestamp) values (?, ?, ?)");
  const link = db.prepare("insert into deployment_commits (deployment_id, commit_id) values (?, ?)");
  const start = performance.now();
  db.transaction(() => {
    for (let i = 0; i < rows; i++) {
      const d = insertDeployment.run(service.id, now, now, `raw-${i}`, now, now).lastInsertRowid;
      for (let c = 0; c < 3; c++) link.run(d, insertCommit.run(service.id, `raw${i}-${c}`, now).lastInsertRowid);
    }
  })();
  const seconds = (performance.now() - start) / 1000;
  db.close();
  return rows / seconds;
}

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

async function main() {
  if (!fs.existsSync(path.join(".next", "BUILD_ID"))) throw new Error("no production build: run `npm run build` first");
  const env = await prepare();
  const server = spawn(path.join("node_modules", ".bin", "next"), ["start", "-p", String(port), "-H", "127.0.0.1"], { env: { ...process.env, DATABASE_URL: env.DATABASE_URL, TANDEM_DEMO: "off" }, stdio: "ignore" });
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssMb(server.pid!))), 200);
  try {
    for (let i = 0; i < 100; i++) {
      if (await fetch(`${base}/api/health`).then((r) => r.ok, () => false)) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const rows: Row[] = [];
    const read = { authorization: `Bearer ${env.read}` };
    const from = new Date(Date.now() - 90 * 86_400_000).toISOString();
    const metrics = async (query: string) => expectOk(await fetch(`${base}/api/v1/metrics?from=${from}${query}`, { headers: read }), "metrics");
    for (const [label, query, goal] of [
      ["GET /api/v1/metrics, 90 days, all services, warm", "", 5],
      ["GET /api/v1/metrics, 90 days, one service, warm", "&service=checkout-api", 5],
    ] as const) {
      await metrics(query);
      const samples: number[] = [];
      for (let i = 0; i < (quick ? 5 : 15); i++) samples.push(await time(() => metrics(query)));
      const s = summarize(samples);
      rows.push({ figure: `${label} (p95 ${s.p95.toFixed(1)} ms)`, measured: `${s.median.toFixed(1)} ms`, goal: `≤ ${goal} ms`, ratio: (s.median / goal).toFixed(2) });
    }

    const post = (body: unknown) => fetch(`${base}/api/v1/deployments`, { method: "POST", headers: { authorization: `Bearer ${env.ingest}`, "content-type": "application/json" }, body: JSON.stringify(body) });
    let next = 0;
    const singleStart = performance.now();
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (next < size.singles) await expectOk(await post(deployment(next++, 1)), "single POST");
      }),
    );
    const singleRate = size.singles / ((performance.now() - singleStart) / 1000);
    rows.push({ figure: "ingestion, single POST /api/v1/deployments, 4 clients", measured: `${Math.round(singleRate)} / s`, goal: "≥ 2000 / s", ratio: (singleRate / 2000).toFixed(2) });

    const batchStart = performance.now();
    for (let b = 0; b < size.batches; b++) {
      await expectOk(await post({ deployments: Array.from({ length: 1000 }, (_, i) => deployment(1_000_000 + b * 1000 + i, 3)) }), "batch POST");
    }
    const batchRate = (size.batches * 1000) / ((performance.now() - batchStart) / 1000);
    const ceiling = rawInsertRate(size.batches * 1000);
    rows.push({ figure: "ingestion, batches of 1,000 (3 commits each)", measured: `${Math.round(batchRate)} / s`, goal: `≥ 25% of raw ${Math.round(ceiling)} / s`, ratio: (batchRate / (0.25 * ceiling)).toFixed(2) });
    rows.push({ figure: "server resident memory (peak)", measured: `${Math.round(peakRss)} MB`, goal: "≤ 300 MB", ratio: (peakRss / 300).toFixed(2) });
    console.log(`\nTandem bench (${quick ? "quick" : "full"}: ${size.days} days, ${size.services} services of demo data)\n`);
    console.log(table(rows));
  } finally {
    clearInterval(sampler);
    server.kill("SIGTERM");
  }
}

main().catch((e) => {
  console.error(`bench: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
});
