import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { cachePreparedStatements } from "./statement-cache";

describe("cachePreparedStatements", () => {
  it("compiles each SQL text once and hands the statement back in plain-row mode", () => {
    const sqlite = new Database(":memory:");
    cachePreparedStatements(sqlite);
    sqlite.exec("create table t (a integer, b text); insert into t values (1, 'x')");
    const first = sqlite.prepare("select a, b from t");
    expect(first.raw().get()).toEqual([1, "x"]);
    const again = sqlite.prepare("select a, b from t");
    expect(again).toBe(first);
    expect(again.get()).toEqual({ a: 1, b: "x" });
    expect(sqlite.prepare("select a from t").pluck().get()).toBe(1);
    expect(sqlite.prepare("select a from t").get()).toEqual({ a: 1 });
    const write = sqlite.prepare("insert into t values (?, ?)");
    expect(sqlite.prepare("insert into t values (?, ?)")).toBe(write);
    sqlite.close();
  });

  it("keeps at most 500 statements, dropping the least recently used", () => {
    const sqlite = new Database(":memory:");
    cachePreparedStatements(sqlite);
    const oldest = sqlite.prepare("select 0");
    for (let i = 1; i <= 500; i++) sqlite.prepare(`select ${i}`);
    expect(sqlite.prepare("select 500")).toBe(sqlite.prepare("select 500"));
    expect(sqlite.prepare("select 0")).not.toBe(oldest);
    sqlite.close();
  });
});
