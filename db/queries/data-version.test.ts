import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "../client";
import { tempDir } from "../test/temp-db";
import { dataVersion, inTransaction } from "./data-version";

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function opened() {
  const t = tempDir();
  const o = openDatabase(t.file);
  cleanups.push(() => {
    o.sqlite.close();
    t.cleanup();
  });
  return { ...o, file: t.file };
}

const touch = (sqlite: Database.Database) => sqlite.prepare("insert into settings (key, value) values ('k', '1') on conflict(key) do update set value = value + 1").run();

describe("dataVersion", () => {
  it("stays the same across reads and moves with every committed write of this connection", () => {
    const { db, sqlite } = opened();
    const before = dataVersion(db);
    sqlite.prepare("select count(*) from deployments").get();
    expect(dataVersion(db)).toBe(before);
    touch(sqlite);
    const after = dataVersion(db);
    expect(after).not.toBe(before);
    touch(sqlite);
    expect(dataVersion(db)).not.toBe(after);
  });

  it("moves when another connection (the CLI, another server) commits", () => {
    const { db, file } = opened();
    const before = dataVersion(db);
    const other = new Database(file);
    touch(other);
    other.close();
    expect(dataVersion(db)).not.toBe(before);
  });

  it("knows when the connection is inside a transaction", () => {
    const { db } = opened();
    expect(inTransaction(db)).toBe(false);
    db.transaction(() => expect(inTransaction(db)).toBe(true));
  });
});
