import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectDatabase, openDatabase, type Database as Port } from "@/db/client";
import { allRows } from "@/db/raw";
import { services } from "@/db/schema";
import { testEngine, newDatabaseUrl, type TestDatabase } from "@/db/test/engine";
import { keptRollups, keptRollupsOn, rollupsFromScratchOn } from "@/db/test/rollups";
import { databaseTargetOf } from "@/db/url";
import { computeMetrics } from "@/lib/dora/metrics";
import { handWrittenMetrics } from "./ceiling";
import { generateBenchDatabase, TABLES } from "./generate";
import { DAY } from "./plan";
import { loadIntoPostgres } from "./postgres-load";

const size = { deployments: 1_500, services: 5, days: 21, incidents: 50, changes: 40 };
const end = Date.UTC(2026, 0, 5);

describe.skipIf(testEngine !== "postgres")("bench rows loaded into PostgreSQL", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-pg-"));
  const file = path.join(dir, "bench.db");
  let target: TestDatabase;
  let pg: Port;
  let sqlite: Database.Database;

  beforeAll(async () => {
    generateBenchDatabase(file, size, { seed: 11, end });
    target = await newDatabaseUrl();
    await (await connectDatabase(databaseTargetOf(target.url))).db.close();
    await loadIntoPostgres(file, target.url, () => undefined);
    pg = (await connectDatabase(databaseTargetOf(target.url), { migrate: false })).db;
    sqlite = new Database(file, { readonly: true });
  }, 120_000);
  afterAll(async () => {
    sqlite?.close();
    await pg?.close();
    await target?.cleanup();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const all = (query: string) => allRows<Record<string, unknown>>(pg.read, sql.raw(query));

  it("holds every row the generator wrote, the same", async () => {
    for (const table of TABLES) {
      const [count] = sqlite.prepare(`select count(*) from "${table}"`).raw().get() as number[];
      expect(await all(`select count(*) as n from "${table}"`), table).toEqual([{ n: count }]);
    }
    const last = `select id, sha, status, finished_at, unplanned, change_failed, rollback_of_id from deployments order by id desc limit 20`;
    expect(await all(last)).toEqual(sqlite.prepare(last).all());
  });

  it("has its rollups computed from the rules' views, equal to those SQLite's triggers kept", async () => {
    const kept = await keptRollupsOn(all);
    expect(kept).toEqual(await rollupsFromScratchOn(all));
    expect(kept).toEqual(keptRollups(sqlite));
  });

  it("answers the same figures as the SQLite file, and the hand-written reference agrees", async () => {
    const scope = { from: new Date(end - 14 * DAY), to: new Date(end), environment: "production", service: undefined, team: undefined };
    const opened = openDatabase(file, { migrate: false });
    try {
      const onPostgres = await computeMetrics(pg, scope);
      expect(onPostgres).toEqual(await computeMetrics(opened.db, scope));
      const reference = await handWrittenMetrics(pg.read, scope.from.getTime(), scope.to.getTime());
      expect([reference.deployments, reference.failed, reference.changes, reference.leadMedian]).toEqual([
        onPostgres.deploymentFrequency.deployments,
        onPostgres.changeFailureRate.failed,
        onPostgres.leadTime.changes,
        onPostgres.leadTime.medianSeconds,
      ]);
    } finally {
      await opened.db.close();
    }
  });

  it("numbers new rows after the loaded ones", async () => {
    const [created] = await pg.transaction((tx) =>
      tx.insert(services).values({ slug: "after-load", name: "After load", createdAt: new Date(end), updatedAt: new Date(end) }).returning({ id: services.id }),
    );
    expect(created!.id).toBe(size.services + 1);
  });
});
