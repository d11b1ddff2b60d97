import BetterSqlite from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { settings } from "../schema";
import { tempDir } from "../test/temp-db";
import { openSqliteDatabase, type SqliteDatabase } from "./sqlite-database";

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function opened(file?: string): SqliteDatabase {
  const t = file ? undefined : tempDir();
  const database = openSqliteDatabase(file ?? t!.file);
  cleanups.push(() => database.close());
  if (t) cleanups.push(t.cleanup);
  return database;
}

const touch = (database: SqliteDatabase) =>
  database.transaction(async (tx) => {
    await tx
      .insert(settings)
      .values({ key: "k", value: "1" })
      .onConflictDoUpdate({ target: settings.key, set: { value: "2" } });
  });

describe("the SQLite change feed", () => {
  it.each([
    ["a file", undefined],
    ["memory", ":memory:"],
  ])("stays the same across reads and moves with every committed write (%s)", async (_, file) => {
    const database = opened(file);
    const before = database.changes.version();
    await database.read.select().from(settings);
    expect(database.changes.version()).toBe(before);
    await touch(database);
    const after = database.changes.version();
    expect(after).not.toBe(before);
    await touch(database);
    expect(database.changes.version()).not.toBe(after);
  });

  it("moves when another connection (the CLI, another server) commits", () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const database = opened(t.file);
    const before = database.changes.version();
    const other = new BetterSqlite(t.file);
    other.prepare("insert into settings (key, value) values ('k', '1')").run();
    other.close();
    expect(database.changes.version()).not.toBe(before);
  });

  it("tells subscribers about commits, and stops once the last one leaves", async () => {
    const database = opened();
    const seen: string[] = [];
    const unsubscribe = database.changes.subscribe((version) => seen.push(version));
    await touch(database);
    await expect.poll(() => seen.length, { timeout: 2_000 }).toBe(1);
    expect(seen[0]).toBe(database.changes.version());
    unsubscribe();
    await touch(database);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(seen).toHaveLength(1);
  });

  it("knows when the caller is inside a transaction", async () => {
    const database = opened();
    expect(database.inTransaction()).toBe(false);
    await database.transaction(async () => expect(database.inTransaction()).toBe(true));
    expect(database.inTransaction()).toBe(false);
  });
});
