import BetterSqlite from "better-sqlite3";
import { afterEach, beforeEach, expect, it } from "vitest";
import { tempDir } from "../test/temp-db";
import { backupSqlite } from "./backup";
import { openSqliteDatabase } from "./sqlite-database";

let t: ReturnType<typeof tempDir>;
beforeEach(() => {
  t = tempDir();
});
afterEach(() => t.cleanup());

const services = (db: BetterSqlite.Database) => (db.prepare("select count(*) as n from services").get() as { n: number }).n;

it("copies the database as it was when the backup began, in steps that never start again, while another connection commits between them", async () => {
  await openSqliteDatabase(t.file).close();
  // Another process, as the running server is: a connection of its own, committing between the backup's steps.
  const server = new BetterSqlite(t.file);
  const add = server.prepare("insert into services (slug, name, created_at, updated_at) values (?, ?, 0, 0)");
  add.run("before", "Before");
  const steps: number[] = [];
  let pages = 0;
  try {
    await backupSqlite(t.file, `${t.dir}/backup.db`, (done, total) => {
      steps.push(done);
      pages = total;
      // A few writes, not one a step: a backup that started again at each would never end.
      if (steps.length <= 3) add.run(`during-${steps.length}`, "During");
    });
    expect(services(server)).toBe(4);
  } finally {
    server.close();
  }

  // A hundredth of the pages a step, never back to the first page.
  expect(steps.length).toBeGreaterThan(3);
  expect(steps).toEqual(steps.map((_, i) => i * Math.ceil(pages / 100)));
  const copy = new BetterSqlite(`${t.dir}/backup.db`, { readonly: true });
  try {
    expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
    expect(copy.pragma("foreign_key_check")).toEqual([]);
    expect(services(copy)).toBe(1);
  } finally {
    copy.close();
  }
});
