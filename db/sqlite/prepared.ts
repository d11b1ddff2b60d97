import Database from "better-sqlite3";
import type { Queryable } from "../database";

/**
 * The better-sqlite3 connection under a Queryable: the writer's inside a transaction (a statement prepared
 * on it runs inside the transaction), the reader's for `database.read` outside one.
 */
export function sqliteOf(db: Queryable): Database.Database {
  return (db as unknown as { session: { client: Database.Database } }).session.client;
}

/**
 * Statements a query module compiles once per connection, for the paths run thousands of times a
 * second (recording deployments): building SQL through Drizzle cost several times what SQLite took to
 * run it. They bypass the shared statement cache, so nothing else can switch their row mode or evict them.
 */
export function preparedStatements<T>(build: (prepare: (source: string) => Database.Statement) => T): (db: Queryable) => T {
  const built = new WeakMap<Database.Database, T>();
  return (db) => {
    const sqlite = sqliteOf(db);
    let statements = built.get(sqlite);
    if (!statements) {
      statements = build((source) => Database.prototype.prepare.call(sqlite, source));
      built.set(sqlite, statements);
    }
    return statements;
  };
}
