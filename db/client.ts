import { DEFAULT_DATABASE_URL, sqlitePathOf } from "./url";
import { openSqliteDatabase, type SqliteDatabase } from "./sqlite/sqlite-database";

export type { Database, Queryable, ChangeFeed } from "./database";
export type { SqliteDatabase } from "./sqlite/sqlite-database";
export { WAL_CHECKPOINT_PAGES } from "./sqlite/sqlite-database";

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
  // Configuration is checked when the server or CLI starts (lib/config), with the same rules.
  globalForDb.tandemDb ??= openDatabase(sqlitePathOf(process.env.DATABASE_URL || DEFAULT_DATABASE_URL));
  return globalForDb.tandemDb;
}

/** The process-wide database behind the port. */
export function getDatabase(): SqliteDatabase {
  return getOpenedDatabase().db;
}
