import { getConfig } from "@/lib/config/config";
import { openSqliteDatabase, type SqliteDatabase } from "./sqlite/sqlite-database";

export type { Database, Queryable, ChangeFeed } from "./database";
export type { SqliteDatabase } from "./sqlite/sqlite-database";
export { WAL_CHECKPOINT_PAGES } from "./sqlite/sqlite-database";

/** The database as code not yet moved to the async port uses it (synchronous Drizzle on the writer). */
export type Db = SqliteDatabase;
/** A transaction handle: query functions accept either, so callers can compose them atomically. */
export type Tx = SqliteDatabase;
export type DbOrTx = SqliteDatabase;

export type OpenedDatabase = {
  db: SqliteDatabase;
  sqlite: SqliteDatabase["sqlite"];
  /** True when this call created the database file (decides whether demo data is seeded). */
  created: boolean;
};

/** Opens (creating folder and file when missing) and migrates a database. */
export function openDatabase(file: string, options: { migrate?: boolean } = {}): OpenedDatabase {
  const db = openSqliteDatabase(file, options);
  return { db, sqlite: db.sqlite, created: db.created };
}

const globalForDb = globalThis as unknown as { tandemDb?: OpenedDatabase };

/** The process-wide database, opened on first use (never at module load, so builds don't create it). */
export function getOpenedDatabase(): OpenedDatabase {
  globalForDb.tandemDb ??= openDatabase(getConfig().databasePath);
  return globalForDb.tandemDb;
}

export function getDb(): Db {
  return getOpenedDatabase().db;
}

/** The process-wide database behind the port. */
export function getDatabase(): SqliteDatabase {
  return getOpenedDatabase().db;
}
