import { afterAll, describe, expect, it } from "vitest";
import { connectDatabase, type Database } from "@/db/client";
import { countRows } from "@/db/queries/copy";
import { databaseTargetOf } from "@/db/url";
import { newDatabaseUrl, type TestDatabase } from "@/db/test/engine";
import { postgresAvailable, postgresServer } from "@/db/test/postgres";
import { tempDir } from "@/db/test/temp-db";
import { computeMetricsReport } from "@/lib/dora/metrics";
import { metricsQuerySchema } from "@/lib/dora/query";
import { timelinePage } from "@/lib/timeline/feed";
import { timelineQuerySchema } from "@/lib/timeline/query";
import { listChanges, listIncidents, listRecentDeployments } from "@/db/queries/lists";
import { TEST_NOW } from "@/lib/testing/clock";
import { runCli } from "./run";
import type { CliIo } from "./io";

function captureIo(env: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (l) => out.push(l), err: (l) => err.push(l), env, interactive: false };
  return { io, out, err };
}

/** What the API would answer from a database: the figures, the timeline, the lists. */
async function answers(db: Database) {
  const to = new Date(TEST_NOW);
  const from = new Date(to.getTime() - 30 * 86_400_000);
  const query = metricsQuerySchema.parse({ from: from.toISOString(), to: to.toISOString() });
  return {
    metrics: (await computeMetricsReport(db, query)).metrics,
    timeline: await timelinePage(db.read, timelineQuerySchema.parse({ limit: "200" })),
    deployments: await listRecentDeployments(db.read, 200),
    incidents: await listIncidents(db.read, 200),
    changes: await listChanges(db.read, 200),
    counts: await countRows(db.read),
  };
}

async function read<T>(url: string, work: (db: Database) => Promise<T>): Promise<T> {
  const { db } = await connectDatabase(databaseTargetOf(url));
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

describe("copy --to URL", () => {
  const made: TestDatabase[] = [];
  afterAll(async () => {
    for (const m of made) await m.cleanup();
  });
  const fresh = async () => {
    const m = await newDatabaseUrl();
    made.push(m);
    return m.url;
  };

  it("refuses a target that is not empty, naming its tables, and one that is the source", async () => {
    const [a, b] = [await fresh(), await fresh()];
    expect(await runCli(["seed", "--demo", "--days", "3", "--services", "2"], captureIo({ DATABASE_URL: a }).io)).toBe(0);
    expect(await runCli(["seed", "--demo", "--days", "3", "--services", "2"], captureIo({ DATABASE_URL: b }).io)).toBe(0);
    const full = captureIo({ DATABASE_URL: a });
    expect(await runCli(["copy", "--to", b], full.io)).toBe(1);
    expect(full.err.at(-1)).toMatch(/is not empty \(.*services.*\); copy only into an empty database$/);
    const itself = captureIo({ DATABASE_URL: a });
    expect(await runCli(["copy", "--to", a], itself.io)).toBe(1);
    expect(itself.err.at(-1)).toMatch(/names the database being copied/);
    const bad = captureIo({ DATABASE_URL: a });
    expect(await runCli(["copy", "--to", "mysql://x/y"], bad.io)).toBe(1);
    expect(await runCli(["copy"], bad.io)).toBe(1);
  });

  describe.skipIf(!postgresAvailable)("between the engines", () => {
    const server = postgresServer();

    it("copies the demo database SQLite → PostgreSQL → SQLite with identical answers and counts on every side", async () => {
      const t = [tempDir(), tempDir()];
      afterAll(() => t.forEach((d) => d.cleanup()));
      const [sqliteA, postgres, sqliteB] = [`file:${t[0]!.file}`, await server.fresh(), `file:${t[1]!.file}`];
      expect(await runCli(["seed", "--demo", "--days", "30", "--services", "4", "--seed", "5"], captureIo({ DATABASE_URL: sqliteA }).io)).toBe(0);
      expect(await runCli(["token", "create", "--name", "ci", "--role", "ingest"], captureIo({ DATABASE_URL: sqliteA }).io)).toBe(0);

      const there = captureIo({ DATABASE_URL: sqliteA });
      expect(await runCli(["copy", "--to", postgres], there.io)).toBe(0);
      const table = there.out.slice(2).map((line) => line.split("\t"));
      expect(table.length).toBeGreaterThan(20);
      for (const [name, source, target] of table) expect(target, name).toBe(source);
      expect(table.find(([name]) => name === "deployments")![1]).not.toBe("0");

      expect(await runCli(["copy", "--to", sqliteB], captureIo({ DATABASE_URL: postgres }).io)).toBe(0);
      const original = await read(sqliteA, answers);
      expect(await read(postgres, answers)).toEqual(original);
      expect(await read(sqliteB, answers)).toEqual(original);
      // New rows get new ids after the copied ones on every engine.
      expect(await runCli(["token", "create", "--name", "after the copy", "--role", "read"], captureIo({ DATABASE_URL: postgres }).io)).toBe(0);
    }, 180_000);
  });
});
