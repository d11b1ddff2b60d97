import fs from "node:fs";
import path from "node:path";
import BetterSqlite from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { tempDir } from "@/db/test/temp-db";
import { listTeams } from "./teams";

describe("a database from before teams existed", () => {
  const t = tempDir();
  afterEach(() => t.cleanup());

  it("gets a team for every distinct team its services named, with the services counted", async () => {
    const folder = path.join(t.dir, "migrations");
    fs.cpSync(path.join(process.cwd(), "db", "migrations"), folder, { recursive: true });
    const journalFile = path.join(folder, "meta", "_journal.json");
    const journal = JSON.parse(fs.readFileSync(journalFile, "utf8")) as { entries: { tag: string }[] };
    // Cut the journal before the migration that creates the teams table, whatever its number.
    const createsTeams = journal.entries.findIndex((e) => fs.readFileSync(path.join(folder, `${e.tag}.sql`), "utf8").includes("CREATE TABLE `teams`"));
    expect(createsTeams).toBeGreaterThan(0);
    journal.entries = journal.entries.slice(0, createsTeams);
    fs.writeFileSync(journalFile, JSON.stringify(journal));
    const old = new BetterSqlite(t.file);
    migrate(drizzle(old), { migrationsFolder: folder });
    old.exec(`insert into services (slug, name, team, created_at, updated_at) values
      ('checkout', 'Checkout', 'payments', 0, 0), ('ledger', 'Ledger', 'payments', 0, 0), ('search', 'Search', 'growth', 0, 0), ('lonely', 'Lonely', null, 0, 0), ('blank', 'Blank', '', 0, 0)`);
    old.close();

    const { db } = openDatabase(t.file);
    try {
      expect((await listTeams(db.read)).map((team) => [team.slug, team.name, team.services])).toEqual([
        ["growth", "Growth", 1],
        ["payments", "Payments", 2],
      ]);
    } finally {
      await db.close();
    }
  });
});
