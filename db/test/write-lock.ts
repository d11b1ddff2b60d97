import BetterSqlite3 from "better-sqlite3";
import pg from "pg";
import { databaseTargetOf } from "../url";

/**
 * Another process's connection holding the database's write lock until `release`, as a second server
 * in the middle of a long write would: every writer waits, readers go on. SQLite has one lock for the
 * file (BEGIN IMMEDIATE); PostgreSQL gets the same effect from an EXCLUSIVE lock on every table, which
 * blocks inserts, updates and deletes but not plain reads.
 */
export async function holdWriteLock(url: string): Promise<() => Promise<void>> {
  const target = databaseTargetOf(url);
  if (target.engine === "sqlite") {
    const other = new BetterSqlite3(target.file);
    other.exec("begin immediate");
    return async () => {
      other.exec("rollback");
      other.close();
    };
  }
  const other = new pg.Client({ connectionString: target.url });
  await other.connect();
  await other.query("begin");
  const { rows } = await other.query<{ name: string }>("select quote_ident(tablename) as name from pg_tables where schemaname = 'public'");
  await other.query(`lock table ${rows.map((r) => r.name).join(", ")} in exclusive mode`);
  return async () => {
    await other.query("rollback");
    await other.end();
  };
}
