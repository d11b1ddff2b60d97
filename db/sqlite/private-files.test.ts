import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase } from "../client";
import { insertService } from "../queries/services";
import { services } from "../schema";
import { tempDir } from "../test/temp-db";
import { keepDatabasePrivate } from "./private-files";

const mode = (file: string) => fs.statSync(file).mode & 0o777;

let t: ReturnType<typeof tempDir>;
let umask = 0;
beforeEach(() => {
  t = tempDir();
  // The widest umask there is: the modes must not depend on it.
  umask = process.umask(0);
});
afterEach(() => {
  process.umask(umask);
  t.cleanup();
});

// Issue 15, item 5: the database and its WAL/SHM were created 0644 in 0755 folders.
describe("the database's files", () => {
  it("are created 0600, the WAL and shared memory too, in folders Tandem makes 0700", async () => {
    fs.chmodSync(t.dir, 0o755);
    const file = path.join(t.dir, "data", "nested", "tandem.db");
    const { db } = openDatabase(file);
    await db.transaction((tx) => insertService(tx, { slug: "checkout", name: "Checkout" }));
    expect(await db.read.select().from(services)).toHaveLength(1);
    expect({
      database: mode(file),
      wal: mode(`${file}-wal`),
      shm: mode(`${file}-shm`),
      folder: mode(path.dirname(file)),
      parent: mode(path.join(t.dir, "data")),
      existing: mode(t.dir),
    }).toEqual({ database: 0o600, wal: 0o600, shm: 0o600, folder: 0o700, parent: 0o700, existing: 0o755 });
    await db.close();
  });

  it("of an older version, left 0644, are narrowed to 0600 when opened", async () => {
    const first = openDatabase(t.file);
    await first.db.close();
    fs.chmodSync(t.file, 0o644);
    const again = openDatabase(t.file);
    expect(again.created).toBe(false);
    expect(mode(t.file)).toBe(0o600);
    await again.db.close();
  });

  it("are never a folder: one named as the database is refused and keeps its mode", () => {
    const folder = path.join(t.dir, "shared");
    fs.mkdirSync(folder, { mode: 0o755 });
    fs.chmodSync(folder, 0o755);
    expect(() => openDatabase(folder)).toThrow(`${folder} is a folder; name the database file inside it, e.g. file:${path.join(folder, "tandem.db")}`);
    expect(mode(folder)).toBe(0o755);
  });

  it("are narrowed only where they are files: a folder beside them named like a WAL keeps its mode", () => {
    fs.mkdirSync(`${t.file}-shm`, { mode: 0o755 });
    fs.chmodSync(`${t.file}-shm`, 0o755);
    keepDatabasePrivate(t.file);
    expect(mode(`${t.file}-shm`)).toBe(0o755);
  });
});
