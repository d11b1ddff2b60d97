import type Database from "better-sqlite3";

/**
 * Logs every row written through one connection (temporary triggers on each table), so a test can
 * assert that a refused request wrote nothing. `ignore` lists writes that are expected bookkeeping,
 * as "table" or "table.insert|update|delete".
 */
export function writeLog(sqlite: Database.Database, ignore: readonly string[] = []) {
  sqlite.exec("create temp table if not exists write_log (write text not null)");
  const tables = sqlite
    .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' and sql not like 'CREATE VIRTUAL%'")
    .pluck()
    .all() as string[];
  for (const table of tables) {
    for (const op of ["insert", "update", "delete"]) {
      if (ignore.includes(table) || ignore.includes(`${table}.${op}`)) continue;
      sqlite.exec(`create temp trigger if not exists "log_${table}_${op}" after ${op} on main."${table}" begin insert into write_log values ('${table}.${op}'); end`);
    }
  }
  const last = () => (sqlite.prepare("select coalesce(max(rowid), 0) from write_log").pluck().get() as number);
  return {
    mark: last,
    /** The writes since `mark`, e.g. ["deployments.insert", "audit_log.insert"]. */
    since: (mark: number) => sqlite.prepare("select write from write_log where rowid > ? order by rowid").pluck().all(mark) as string[],
  };
}
