import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase, type OpenedDatabase } from "../client";

/** A fresh folder per test, removed afterwards; the database file inside it is not created yet. */
export function tempDir(): { dir: string; file: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tandem-test-"));
  return { dir, file: path.join(dir, "tandem.db"), cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** An in-memory, fully migrated database. Its one connection serves `read` too, so a test of single queries may write through `db.read`. */
export function memoryDb(): OpenedDatabase {
  return openDatabase(":memory:");
}
