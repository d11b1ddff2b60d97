import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase, type OpenedDatabase } from "@/db/client";
import { tempDir } from "@/db/test/temp-db";
import { aggregateMetricsReport } from "@/lib/dora/metrics";
import { runCli } from "./run";
import { captureIo } from "./test-io";

let t: ReturnType<typeof tempDir>;
beforeEach(() => {
  t = tempDir();
});
afterEach(() => t.cleanup());

async function cli(...argv: string[]) {
  const io = captureIo({ DATABASE_URL: `file:${t.file}` });
  const code = await runCli(argv, io);
  return { code, out: io.stdout.join("\n"), err: io.stderr.join("\n") };
}

const from = new Date("2026-03-02T00:00:00Z");
const to = new Date("2026-03-09T00:00:00Z");
const at = (iso: string) => Date.parse(iso);
const failed = async (opened: OpenedDatabase) => (await aggregateMetricsReport(opened.db.read, { from, to, environment: "production", service: undefined, team: undefined })).metrics.changeFailureRate.failed;

function seed(opened: OpenedDatabase) {
  const { sqlite } = opened;
  sqlite.prepare("insert into services (id, slug, name, created_at, updated_at) values (1, 'api', 'API', 0, 0)").run();
  const deploy = sqlite.prepare(`insert into deployments (service_id, environment, status, finished_at, change_failed, source, created_at, updated_at)
    values (1, 'production', 'success', ?, ?, 'test', 0, 0)`);
  const flagged = Number(deploy.run(at("2026-03-03T10:00:00Z"), 1).lastInsertRowid);
  const blamed = Number(deploy.run(at("2026-03-04T10:00:00Z"), 0).lastInsertRowid);
  deploy.run(at("2026-03-05T10:00:00Z"), 0);
  sqlite.prepare(`insert into incidents (service_id, title, severity, status, started_at, caused_by_id, source, created_at, updated_at)
    values (1, 'down', 'SEV2', 'investigating', ?, ?, 'test', 0, 0)`).run(at("2026-03-04T11:00:00Z"), blamed);
  return { deploy, flagged };
}

describe("tandem rebuild", () => {
  it("recomputes the rollups from the views in one line, and changing what a failed change is means editing one view", async () => {
    expect((await cli("migrate")).code).toBe(0);
    const opened = openDatabase(t.file);
    try {
      const { deploy } = seed(opened);
      expect(await failed(opened)).toBe(2);
      expect(await cli("rebuild")).toEqual({
        code: 0,
        out: "Rebuilt the rollups from the rules: 3 deployment days, 2 failed changes, 0 commit deliveries, 0 lead-time day parts; 0 rows corrected.",
        err: "",
      });

      // The rule changes: a flag alone no longer makes a failed change, it takes a rollback or an incident.
      // The one edit is to the view's definition; the triggers, the rebuild and the figures follow it.
      const { sql: view } = opened.sqlite.prepare("select sql from sqlite_master where type = 'view' and name = 'failed_change_evidence'").get() as { sql: string };
      const edited = view.replace("WHERE `change_failed` OR `rollback_at` IS NOT NULL OR `incidents` > 0", "WHERE `rollback_at` IS NOT NULL OR `incidents` > 0");
      expect(edited).not.toBe(view);
      opened.sqlite.exec(`drop view failed_change_evidence; ${edited}`);
      expect(await failed(opened), "the stored rollup still says what the old rule said").toBe(2);

      const rebuilt = await cli("rebuild");
      expect(rebuilt.out).toBe("Rebuilt the rollups from the rules: 3 deployment days, 1 failed changes, 0 commit deliveries, 0 lead-time day parts; 1 rows corrected.");
      expect(await failed(opened)).toBe(1);

      // New writes go through the triggers, which take what to store from the edited view.
      const late = Number(deploy.run(at("2026-03-06T10:00:00Z"), 1).lastInsertRowid);
      expect(await failed(opened)).toBe(1);
      opened.sqlite.prepare(`insert into incidents (service_id, title, severity, status, started_at, caused_by_id, source, created_at, updated_at)
        values (1, 'again', 'SEV2', 'investigating', ?, ?, 'test', 0, 0)`).run(at("2026-03-06T11:00:00Z"), late);
      expect(await failed(opened)).toBe(2);
      expect((await cli("rebuild")).out).toContain("; 0 rows corrected.");
    } finally {
      await opened.db.close();
    }
  });

  it("takes no arguments", async () => {
    expect(await cli("rebuild", "--now")).toEqual({ code: 1, out: "", err: "tandem: Unknown option '--now' (usage: rebuild)" });
  });
});
