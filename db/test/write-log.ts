import { sql } from "drizzle-orm";
import type { Database, SqliteDatabase } from "../client";
import { allRows, execute, firstRow } from "../raw";

export type WriteLog = {
  mark: () => Promise<number>;
  /** The writes since `mark`, e.g. ["deployments.insert", "audit_log.insert"]. */
  since: (mark: number) => Promise<string[]>;
};

const OPS = ["insert", "update", "delete"] as const;

/**
 * Logs every row written to the database (triggers on each table), so a test can assert that a refused
 * request wrote nothing. `ignore` lists writes that are expected bookkeeping, as "table" or
 * "table.insert|update|delete".
 */
export async function writeLog(db: Database, ignore: readonly string[] = []): Promise<WriteLog> {
  const logged = (table: string, op: string) => !ignore.includes(table) && !ignore.includes(`${table}.${op}`);
  if (db.engine === "sqlite") return sqliteWriteLog(db as SqliteDatabase, logged);
  await db.transaction(async (tx) => {
    await execute(tx, sql`create table if not exists test_write_log (id bigserial primary key, write text not null)`);
    await execute(
      tx,
      sql.raw(`create or replace function test_log_write() returns trigger language plpgsql as $$
        begin insert into test_write_log (write) values (TG_TABLE_NAME || '.' || lower(TG_OP)); return null; end $$`),
    );
    const tables = await allRows<{ name: string }>(
      tx,
      sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not like '\_\_drizzle%' and table_name <> 'test_write_log'`,
    );
    for (const { name } of tables) {
      for (const op of OPS) {
        if (logged(name, op)) await execute(tx, sql.raw(`create or replace trigger "log_${name}_${op}" after ${op} on "${name}" for each row execute function test_log_write()`));
      }
    }
  });
  return {
    mark: async () => (await firstRow<{ n: number }>(db.read, sql`select coalesce(max(id), 0) as n from test_write_log`))!.n,
    since: async (mark) => (await allRows<{ write: string }>(db.read, sql`select write from test_write_log where id > ${mark} order by id`)).map((r) => r.write),
  };
}

/** On SQLite, temporary triggers on the writer's connection, the one every write goes through. */
function sqliteWriteLog({ sqlite }: SqliteDatabase, logged: (table: string, op: string) => boolean): WriteLog {
  sqlite.exec("create temp table if not exists write_log (write text not null)");
  const tables = sqlite
    .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' and sql not like 'CREATE VIRTUAL%'")
    .pluck()
    .all() as string[];
  for (const table of tables) {
    for (const op of OPS) {
      if (logged(table, op)) sqlite.exec(`create temp trigger if not exists "log_${table}_${op}" after ${op} on main."${table}" begin insert into write_log values ('${table}.${op}'); end`);
    }
  }
  return {
    mark: async () => sqlite.prepare("select coalesce(max(rowid), 0) from write_log").pluck().get() as number,
    since: async (mark) => sqlite.prepare("select write from write_log where rowid > ? order by rowid").pluck().all(mark) as string[],
  };
}
