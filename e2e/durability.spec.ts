import { spawn } from "node:child_process";
import { test, expect } from "./support/fixtures";
import { IngestLoad } from "./support/ingest-load";
import { OwnServer, soundness, sqliteQuery } from "./support/own-server";

/*
 * The production server on its own database, under write load: killed outright at random moments, and
 * backed up while it writes. Each test starts and stops its own server, so they run one after the other.
 */
test.describe.configure({ mode: "serial" });

const KILLS = 4;

/** `npm run tandem -- ...` as an operator types it; resolves with the exit code and everything printed. */
function tandem(env: Record<string, string>, ...args: string[]): Promise<{ code: number; output: string }> {
  const child = spawn("npm", ["run", "--silent", "tandem", "--", ...args], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr.on("data", (d: Buffer) => (output += d.toString()));
  return new Promise((resolve) => child.on("close", (code) => resolve({ code: code ?? -1, output })));
}

test("every acknowledged write survives the server being killed mid-ingestion, and nothing is half-written", async () => {
  test.setTimeout(180_000);
  const server = new OwnServer("crash");
  try {
    await server.cli("migrate");
    const load = new IngestLoad(() => server.base, await server.token("ingest"), "crash");
    for (let kill = 0; kill < KILLS; kill++) {
      await server.start();
      const ackedBefore = load.acked.size;
      load.start();
      // A random moment once the server is warm (a busy machine makes the first answers slow), so
      // every round has acknowledged writes and more in flight when the kill lands.
      await expect.poll(() => load.acked.size, { timeout: 60_000, message: `round ${kill + 1} acknowledged writes` }).toBeGreaterThan(ackedBefore);
      await new Promise((r) => setTimeout(r, Math.random() * 1000));
      await server.kill("SIGKILL");
      await load.settled();
    }
    await server.start();
    const after = await fetch(`${server.base}/api/health`);
    expect(after.status).toBe(200);
    await server.kill("SIGTERM");

    const db = server.open();
    try {
      expect(soundness(db)).toEqual({ integrity: "ok", foreignKeyProblems: [] });
      expect(await load.problems(sqliteQuery(db))).toEqual([]);
    } finally {
      db.close();
    }
  } finally {
    await server.kill("SIGKILL");
    server.remove();
  }
});

test("a backup taken while the server writes is sound and holds every write acknowledged before it began; restore brings it back", async () => {
  test.setTimeout(180_000);
  const server = new OwnServer("backup");
  const backup = `${server.file}-backup.db`;
  try {
    // Enough data that the copy takes many steps, so writes land while it runs.
    await server.cli("seed", "--demo", "--days", "180", "--services", "8", "--seed", "3");
    const load = new IngestLoad(() => server.base, await server.token("ingest"), "backup");
    await server.start();
    load.start();
    await expect.poll(() => load.acked.size, { timeout: 60_000 }).toBeGreaterThan(20);

    const before = new Set(load.acked);
    const result = await tandem(server.env, "backup", backup);
    const duringBackup = load.acked.size - before.size;
    expect(result.output).toContain("Backed up");
    expect(result.code).toBe(0);
    expect(duringBackup, "writes acknowledged while the backup ran").toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 300));
    await load.stop();

    const copy = server.open(backup);
    let deploymentsInBackup: number;
    try {
      expect(soundness(copy)).toEqual({ integrity: "ok", foreignKeyProblems: [] });
      expect(await load.problems(sqliteQuery(copy), before)).toEqual([]);
      deploymentsInBackup = (copy.prepare("select count(*) n from deployments").get() as { n: number }).n;
    } finally {
      copy.close();
    }

    const refused = await tandem(server.env, "restore", backup);
    expect(refused.code).toBe(1);
    expect(refused.output).toContain("the database is in use: stop Tandem");

    await server.kill("SIGTERM");
    const restored = await tandem(server.env, "restore", backup);
    expect(restored.output).toContain("Restored");
    expect(restored.code).toBe(0);
    await server.start();
    const db = server.open();
    try {
      expect(soundness(db)).toEqual({ integrity: "ok", foreignKeyProblems: [] });
      expect((db.prepare("select count(*) n from deployments").get() as { n: number }).n).toBe(deploymentsInBackup);
      expect(await load.problems(sqliteQuery(db), before)).toEqual([]);
    } finally {
      db.close();
    }
    const token = await server.token("ingest");
    const write = await fetch(`${server.base}/api/v1/deployments`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ service: "after-restore", status: "success", finishedAt: new Date().toISOString() }),
    });
    expect(write.status).toBe(201);
  } finally {
    await server.kill("SIGKILL");
    server.remove();
  }
});
