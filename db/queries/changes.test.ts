import fs from "node:fs";
import path from "node:path";
import BetterSqlite from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { tempDir } from "@/db/test/temp-db";
import { findChange } from "./changes";

describe("a database from before cancelling cleared the emergency flag", () => {
  const t = tempDir();
  afterEach(() => t.cleanup());

  it("clears the flag of its cancelled changes only: a change carried out still waits for approval, one rejected afterwards keeps it", async () => {
    const folder = path.join(t.dir, "migrations");
    fs.cpSync(path.join(process.cwd(), "db", "migrations"), folder, { recursive: true });
    const journalFile = path.join(folder, "meta", "_journal.json");
    const journal = JSON.parse(fs.readFileSync(journalFile, "utf8")) as { entries: { tag: string }[] };
    // Cut the journal before the migration that clears the flag, whatever its number.
    const clears = journal.entries.findIndex((e) => fs.readFileSync(path.join(folder, `${e.tag}.sql`), "utf8").includes("WHERE `status` = 'cancelled'"));
    expect(clears).toBeGreaterThan(0);
    journal.entries = journal.entries.slice(0, clears);
    fs.writeFileSync(journalFile, JSON.stringify(journal));
    const old = new BetterSqlite(t.file);
    migrate(drizzle(old), { migrationsFolder: folder });
    old.exec(`insert into services (id, slug, name, created_at, updated_at) values (1, 'checkout', 'Checkout', 0, 0);
      insert into change_requests (id, service_id, title, type, risk, status, awaiting_retroactive_approval, source, created_at, updated_at) values
      (1, 1, 'Cancelled hotfix', 'emergency', 'low', 'cancelled', 1, 'ui', 0, 0),
      (2, 1, 'Shipped hotfix', 'emergency', 'low', 'implemented', 1, 'ui', 0, 0),
      (3, 1, 'Refused hotfix', 'emergency', 'low', 'rejected', 1, 'ui', 0, 0)`);
    old.close();

    const { db } = openDatabase(t.file);
    try {
      const flags = await Promise.all([1, 2, 3].map(async (id) => (await findChange(db.read, id))!.awaitingRetroactiveApproval));
      expect(flags).toEqual([false, true, true]);
    } finally {
      await db.close();
    }
  });
});
