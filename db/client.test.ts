import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase, WAL_CHECKPOINT_PAGES } from "./client";
import { insertService } from "./queries/services";
import { tempDir } from "./test/temp-db";

const t = tempDir();
afterAll(() => t.cleanup());

describe("transactions", () => {
  const { db, sqlite } = openDatabase(t.file);
  const other = new Database(t.file);
  other.pragma("busy_timeout = 0");
  const count = () => (sqlite.prepare("select count(*) as n from services").get() as { n: number }).n;
  afterAll(() => {
    other.close();
    sqlite.close();
  });

  it("take the write lock before their first read, the first one and every later one", async () => {
    for (let i = 0; i < 3; i++) {
      await db.transaction(async () => {
        expect(() => other.prepare("insert into services (slug, name, created_at, updated_at) values ('x', 'x', 0, 0)").run()).toThrow(/locked|busy/i);
      });
    }
    expect(count()).toBe(0);
  });

  it("commit, roll back on a throw, and nest as savepoints", async () => {
    await db.transaction((tx) => insertService(tx, { slug: "kept", name: "kept" }));
    await expect(
      db.transaction(async (tx) => {
        await insertService(tx, { slug: "thrown", name: "thrown" });
        throw new Error("no");
      }),
    ).rejects.toThrow("no");
    await expect(
      db.transaction(async (tx) => {
        await insertService(tx, { slug: "rolled", name: "rolled" });
        throw new Error("rollback");
      }),
    ).rejects.toThrow();
    await db.transaction(async (tx) => {
      await insertService(tx, { slug: "outer", name: "outer" });
      await expect(
        db.transaction(async (inner) => {
          await insertService(inner, { slug: "inner", name: "inner" });
          throw new Error("inner");
        }),
      ).rejects.toThrow("inner");
    });
    expect(sqlite.prepare("select slug from services order by slug").pluck().all()).toEqual(["kept", "outer"]);
    expect(sqlite.inTransaction).toBe(false);
  });
});

describe("a connection", () => {
  it("runs in WAL mode with NORMAL sync and checkpoints every WAL_CHECKPOINT_PAGES pages", () => {
    const { sqlite } = openDatabase(t.file);
    expect(sqlite.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(sqlite.pragma("synchronous", { simple: true })).toBe(1);
    expect(sqlite.pragma("wal_autocheckpoint", { simple: true })).toBe(WAL_CHECKPOINT_PAGES);
    expect(WAL_CHECKPOINT_PAGES).toBeGreaterThan(1000);
    sqlite.close();
  });
});
