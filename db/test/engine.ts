import { afterAll, beforeAll } from "vitest";
import { connectDatabase, type Database } from "../client";
import { databaseTargetOf } from "../url";
import { createDatabase } from "./postgres-cluster";
import { tempDir } from "./temp-db";

/**
 * The engine a test run is on: SQLite unless TANDEM_TEST_ENGINE=postgres, which the "postgres" Vitest
 * project sets for the suites that must hold on both engines (vitest.config.mts), with
 * TANDEM_TEST_PG_URL naming a server to make databases on (db/test/postgres.global-setup.ts starts one).
 */
export const testEngine: "sqlite" | "postgres" = process.env.TANDEM_TEST_ENGINE === "postgres" ? "postgres" : "sqlite";

export type TestDatabase = { url: string; cleanup: () => Promise<void> };

/** A new empty database of the engine under test, named as DATABASE_URL names one; not yet migrated. */
export async function newDatabaseUrl(): Promise<TestDatabase> {
  if (testEngine === "sqlite") {
    const t = tempDir();
    return { url: `file:${t.file}`, cleanup: async () => t.cleanup() };
  }
  const adminUrl = process.env.TANDEM_TEST_PG_URL;
  if (!adminUrl) throw new Error("TANDEM_TEST_ENGINE=postgres needs TANDEM_TEST_PG_URL (the postgres Vitest project's global setup sets it)");
  const { url, drop } = await createDatabase(adminUrl);
  return { url, cleanup: drop };
}

/** A new, migrated database of the engine under test, opened; `close` closes and removes it. */
export async function freshDatabase(): Promise<{ url: string; db: Database; close: () => Promise<void> }> {
  const made = await newDatabaseUrl();
  const { db } = await connectDatabase(databaseTargetOf(made.url));
  return {
    url: made.url,
    db,
    close: async () => {
      await db.close();
      await made.cleanup();
    },
  };
}

const globalForDb = globalThis as unknown as { tandemDb?: Database };

/**
 * For a test file that drives Tandem through its doors (route handlers, actions, the CLI): a fresh migrated
 * database of the engine under test becomes the worker's DATABASE_URL before the tests run, and is
 * closed and removed after. `db()` is the process-wide database the doors use.
 */
export function processDatabase(): { url: () => string; db: () => Database } {
  let made: { url: string; db: Database; close: () => Promise<void> } | undefined;
  beforeAll(async () => {
    made = await freshDatabase();
    process.env.DATABASE_URL = made.url;
    globalForDb.tandemDb = made.db;
  }, 60_000);
  afterAll(async () => {
    globalForDb.tandemDb = undefined;
    await made?.close();
  }, 60_000);
  return {
    url: () => made!.url,
    db: () => made!.db,
  };
}
