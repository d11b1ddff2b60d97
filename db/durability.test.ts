import { spawn } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { like } from "drizzle-orm";
import { connectDatabase } from "./client";
import { settings } from "./schema";
import { newDatabaseUrl } from "./test/engine";
import { databaseTargetOf } from "./url";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

describe("durability", () => {
  it("keeps every acknowledged write when the writing process is killed", async () => {
    const made = await newDatabaseUrl();
    cleanups.push(made.cleanup);
    // Migrated and closed first: what is read back below comes from a connection opened after the kill.
    await (await connectDatabase(databaseTargetOf(made.url))).db.close();
    // One process (no tsx wrapper) so SIGKILL hits the writer itself.
    const child = spawn(process.execPath, ["--import", "tsx", "db/test/durability-writer.ts", made.url], { stdio: ["ignore", "pipe", "inherit"] });
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
    const { db } = await connectDatabase(databaseTargetOf(made.url), { migrate: false });
    const rows = await db.read.select().from(settings).where(like(settings.key, "row-%"));
    await db.close();
    const stored = new Set(rows.map((r) => Number(r.value)));
    for (let i = 0; i <= acked; i++) expect(stored.has(i)).toBe(true);
  });
});
