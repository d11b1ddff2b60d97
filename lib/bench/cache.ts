import fs from "node:fs";
import path from "node:path";
import { generateBenchDatabase } from "./generate";
import { DAY, type BenchSize } from "./plan";

const SEED = 42;

function schemaVersion(): number {
  const journal = JSON.parse(fs.readFileSync(path.join(process.cwd(), "db", "migrations", "meta", "_journal.json"), "utf8")) as { entries: unknown[] };
  return journal.entries.length;
}
/** A cached database ends at the UTC midnight it was made; past a week its "last 90 days" grow stale. */
const MAX_AGE_DAYS = 7;

/**
 * The benchmark database for a size, from `dir` when a fresh enough copy is there, else generated
 * (into a temporary name first, so an interrupted run never leaves a half-written cache).
 */
export function cachedDatabase(dir: string, kind: string, size: BenchSize, log: (line: string) => void): { file: string; end: number } {
  fs.mkdirSync(dir, { recursive: true });
  // A copy made before the latest migration would migrate (and backfill) on every run instead.
  const name = `${kind}-m${schemaVersion()}`;
  const today = Math.floor(Date.now() / DAY) * DAY;
  const pattern = new RegExp(`^${name}-(\\d{4}-\\d{2}-\\d{2})\\.db$`);
  const cached = fs
    .readdirSync(dir)
    .map((f) => ({ f, end: Date.parse(pattern.exec(f)?.[1] ?? "") }))
    .filter((c) => !Number.isNaN(c.end))
    .sort((a, b) => b.end - a.end);
  const fresh = cached.find((c) => today - c.end <= MAX_AGE_DAYS * DAY);
  if (fresh) return { file: path.join(dir, fresh.f), end: fresh.end };
  for (const old of cached) fs.rmSync(path.join(dir, old.f), { force: true });

  const file = path.join(dir, `${name}-${new Date(today).toISOString().slice(0, 10)}.db`);
  const partial = `${file}.partial`;
  log(`Generating the ${kind} benchmark database (${size.deployments.toLocaleString("en")} deployments, ${size.services} services, ${size.days} days); cached in ${dir} for a week…`);
  const start = performance.now();
  const counts = generateBenchDatabase(partial, size, { seed: SEED, end: today, progress: (line) => log(`  ${line}`) });
  fs.renameSync(partial, file);
  log(`  done in ${((performance.now() - start) / 1000).toFixed(0)} s: ${Object.entries(counts).map(([k, v]) => `${v.toLocaleString("en")} ${k}`).join(", ")}`);
  return { file, end: today };
}
