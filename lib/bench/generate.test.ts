import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { keptRollups, rollupsFromScratch } from "@/db/test/rollups";
import { computeMetrics } from "@/lib/dora/metrics";
import { handWrittenMetrics } from "./ceiling";
import { generateBenchDatabase } from "./generate";
import { apportion, DAY } from "./plan";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-gen-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const size = { deployments: 2_000, services: 6, days: 21, incidents: 60, changes: 50 };
const end = Date.UTC(2026, 0, 5);
const generate = (name: string, seed = 7) => {
  const file = path.join(dir, name);
  return { counts: generateBenchDatabase(file, size, { seed, end }), db: new Database(file, { readonly: true }) };
};
const all = (db: Database.Database, query: string) => db.prepare(query).raw().all();

describe("bench database generator", () => {
  const a = generate("a.db");
  const b = generate("b.db");

  it("writes the requested size, one timeline event per record", () => {
    expect(a.counts.deployments).toBe(2_000);
    expect(a.counts.commits).toBeGreaterThan(5_000);
    expect(a.counts.incidents).toBeGreaterThan(40);
    expect(a.counts.changes).toBeGreaterThan(35);
    const [deployments, incidents, events] = a.db.prepare("select (select count(*) from deployments), (select count(*) from incidents), (select count(*) from timeline_events)").raw().get() as number[];
    expect([deployments, incidents]).toEqual([a.counts.deployments, a.counts.incidents]);
    expect(events).toBe(a.counts.events);
    expect(a.counts.events).toBeGreaterThanOrEqual(a.counts.deployments + a.counts.incidents);
  });

  it("keeps every reference valid and the data inside the window, in WAL mode with its indexes", () => {
    expect(all(a.db, "pragma foreign_key_check")).toEqual([]);
    expect(a.db.prepare("select min(started_at) >= ?, max(finished_at) <= ? from deployments").raw().get(end - size.days * DAY, end)).toEqual([1, 1]);
    expect(a.db.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(all(a.db, "select count(*) from sqlite_master where type = 'index' and name = 'timeline_events_at_idx'")).toEqual([[1]]);
  });

  it("leaves the rollups the triggers keep equal to the views, though most indexes go while rows are written", () => {
    expect(keptRollups(a.db)).toEqual(rollupsFromScratch(a.db));
    expect(all(a.db, "select count(*) from failed_changes")).not.toEqual([[0]]);
    expect(all(a.db, "select count(*) from commit_deliveries")).not.toEqual([[0]]);
  });

  it("has a hand-written reference (the bench's ceiling) that agrees with the app's figures", async () => {
    const opened = openDatabase(path.join(dir, "a.db"));
    try {
      const [from, to] = [new Date(end - 14 * DAY), new Date(end)];
      const app = await computeMetrics(opened.db, { from, to, environment: "production", service: undefined, team: undefined });
      const reference = await handWrittenMetrics(opened.db.read, from.getTime(), to.getTime());
      expect([reference.deployments, reference.deployDays, reference.failed, reference.rework, reference.changes]).toEqual([
        app.deploymentFrequency.deployments,
        app.deploymentFrequency.deployDays,
        app.changeFailureRate.failed,
        app.reworkRate.unplanned,
        app.leadTime.changes,
      ]);
      expect([reference.leadMedian, reference.leadP90, reference.recoveryMedian]).toEqual([app.leadTime.medianSeconds, app.leadTime.p90Seconds, app.recoveryTime.medianSeconds]);
      expect(reference.failed).toBeGreaterThan(0);
    } finally {
      await opened.db.close();
    }
  });

  it("has realistic variety: mostly successes, rollbacks, caused and resolved incidents, every change status", () => {
    const [success, rollbacks, flagged] = a.db.prepare("select avg(status = 'success'), sum(rollback_of_id is not null), sum(change_failed) from deployments").raw().get() as number[];
    expect(success).toBeGreaterThan(0.9);
    expect(rollbacks).toBeGreaterThan(0);
    expect(flagged).toBeGreaterThan(0);
    const [caused, resolvedAcked] = a.db.prepare("select count(caused_by_id), sum(status = 'resolved' and acknowledged_at <= resolved_at) from incidents").raw().get() as number[];
    expect(caused).toBeGreaterThan(0);
    expect(resolvedAcked).toBeGreaterThan(a.counts.incidents * 0.9);
    expect(all(a.db, "select count(distinct status) from change_requests")).toEqual([[7]]);
    const busiest = all(a.db, "select count(*) from deployments group by service_id order by 1 desc") as number[][];
    expect(busiest[0]![0]! / busiest.at(-1)![0]!).toBeGreaterThan(2);
  });

  it("is deterministic for a seed", () => {
    const digest = (db: Database.Database) => all(db, "select group_concat(sha || status || finished_at) from (select * from deployments order by id desc limit 50)");
    expect(b.counts).toEqual(a.counts);
    expect(digest(b.db)).toEqual(digest(a.db));
    expect(digest(generate("c.db", 8).db)).not.toEqual(digest(a.db));
  });

  it("apportions totals exactly", () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(7, [1, 0.15, 1]).reduce((x, y) => x + y)).toBe(7);
  });
});
