import { spawn } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { like } from "drizzle-orm";
import { openDatabase } from "./client";
import { settings } from "./schema";
import { tempDir } from "./test/temp-db";

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

describe("durability", () => {
  it("keeps every acknowledged write when the writing process is killed", async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    // One process (no tsx wrapper) so SIGKILL hits the writer itself.
    const child = spawn(process.execPath, ["--import", "tsx", "db/test/durability-writer.ts", t.file], { stdio: ["ignore", "pipe", "inherit"] });
    const closed = new Promise((resolve) => child.on("close", resolve));
    let acked = -1;
    await new Promise<void>((resolve, reject) => {
      let buffer = "";
      child.stdout.on("data", (chunk: Buffer) => {
        buffer += chunk.toString();
        const lines = buffer.split("\n");
        buffer = lines.pop()!;
        for (const line of lines) acked = Number(line.slice(4));
        if (acked >= 200) {
          child.kill("SIGKILL");
          resolve();
        }
      });
      child.on("exit", () => resolve());
      child.on("error", reject);
    });
    await closed;
    expect(acked).toBeGreaterThanOrEqual(200);
    const { db } = openDatabase(t.file);
    const rows = await db.read.select().from(settings).where(like(settings.key, "row-%"));
    await db.close();
    const stored = new Set(rows.map((r) => Number(r.value)));
    for (let i = 0; i <= acked; i++) expect(stored.has(i)).toBe(true);
  });
});
