import { sql } from "drizzle-orm";
import type { Database } from "./database";
import { openPostgresDatabase, type PostgresDatabase, type PostgresOptions } from "./postgres/postgres-database";
import { firstRow } from "./raw";
import { openSqliteDatabase, type SqliteDatabase } from "./sqlite/sqlite-database";
import { DEFAULT_DATABASE_URL, POSTGRES_DEFAULTS, databaseTargetOf, type DatabaseTarget } from "./url";

export type { Database, Queryable, ChangeFeed } from "./database";
export type { SqliteDatabase } from "./sqlite/sqlite-database";
export type { PostgresDatabase } from "./postgres/postgres-database";
export { tuneWriter, WAL_CHECKPOINT_PAGES } from "./sqlite/sqlite-database";

export type OpenedDatabase = {
  db: SqliteDatabase;
  sqlite: SqliteDatabase["sqlite"];
  /** True when this call created the database file (decides whether demo data is seeded). */
  created: boolean;
};

/** Opens (creating folder and file when missing) and migrates a SQLite database. */
export function openDatabase(file: string, options: { migrate?: boolean } = {}): OpenedDatabase {
  const db = openSqliteDatabase(file, options);
  return { db, sqlite: db.sqlite, created: db.created };
}


export type Connected = {
  db: Database;
  /** True when the database was empty before this call migrated it (decides whether demo data is seeded). */
  created: boolean;
};

/**
 * Opens the database a target names and brings its schema up to date: a SQLite file (created when
 * missing), or a PostgreSQL database, migrated once under a lock however many servers start together.
 * `prepare` runs under the same lock, so what a first start does (demo data, a first admin) happens once.
 */
export async function connectDatabase(
  target: DatabaseTarget,
  options: PostgresOptions & { migrate?: boolean; prepare?: (connected: Connected) => Promise<void> } = {},
): Promise<Connected> {
  if (target.engine === "sqlite") {
    const db = openSqliteDatabase(target.file, options);
    const connected = { db, created: db.created };
    await options.prepare?.(connected);
    return connected;
  }
  const db = openPostgresDatabase(target.url, options);
  try {
    return await db.alone(async () => {
      const found = await firstRow<{ services: string | null }>(db.read, sql`select to_regclass('public.services')::text as services`);
      const connected = { db, created: !found?.services };
      if (options.migrate !== false) await db.migrate();
      await options.prepare?.(connected);
      return connected;
    });
  } catch (error) {
    await db.close();
    throw error;
  }
}

function fromEnvironment(): Database {
  const target = databaseTargetOf(process.env.DATABASE_URL || DEFAULT_DATABASE_URL);
  if (target.engine === "sqlite") return openSqliteDatabase(target.file);
  // Migrated by whoever started the server (lib/cli/prepare.ts), before it served anything.
  return openPostgresDatabase(target.url, {
    poolSize: Number(process.env.TANDEM_DB_POOL) || POSTGRES_DEFAULTS.poolSize,
    statementTimeoutMs: Number(process.env.TANDEM_DB_TIMEOUT_MS) || POSTGRES_DEFAULTS.statementTimeoutMs,
  });
}

const globalForDb = globalThis as unknown as { tandemDb?: Database };

/**
 * The process-wide database behind the port, opened on first use (never at module load, so builds don't
 * create it) from DATABASE_URL. Next's routes and the production server find the same one on globalThis.
 */
export function getDatabase(): Database {
  globalForDb.tandemDb ??= fromEnvironment();
  return globalForDb.tandemDb;
}

/** The process-wide database when it is SQLite, for what only SQLite has (tests' write logs, group commit). */
export function getSqliteDatabase(): SqliteDatabase {
  const db = getDatabase();
  if (db.engine !== "sqlite") throw new Error("this needs the SQLite engine; DATABASE_URL names PostgreSQL");
  return db as SqliteDatabase;
}

export function isSqlite(db: Database): db is SqliteDatabase {
  return db.engine === "sqlite";
}

export function isPostgres(db: Database): db is PostgresDatabase {
  return db.engine === "postgres";
}
