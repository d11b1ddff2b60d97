import Database from "better-sqlite3";
import type { Queryable } from "../database";
import type { Dialect } from "../dialect";
import type { Prepare, Statement } from "../statements";
import { sqliteDialect } from "./dialect";

/**
 * The better-sqlite3 connection under a Queryable: the writer's inside a transaction (a statement prepared
 * on it runs inside the transaction), the reader's for `database.read` outside one.
 */
export function sqliteOf(db: Queryable): Database.Database {
  return (db as unknown as { session: { client: Database.Database } }).session.client;
}

/**
 * SQLite's prepared statements, compiled once per connection. They bypass the shared statement cache,
 * so nothing else can switch their row mode or evict them.
 */
export function sqliteStatements<T>(build: (prepare: Prepare, dialect: Dialect) => T): (db: Queryable) => T {
  const built = new WeakMap<Database.Database, T>();
  return (db) => {
    const sqlite = sqliteOf(db);
    let statements = built.get(sqlite);
    if (!statements) {
      statements = build((source) => {
        const compiled = Database.prototype.prepare.call(sqlite, source) as Database.Statement<unknown[]>;
        const statement: Statement = {
          get: async <R>(...params: unknown[]) => compiled.get(...params) as R | undefined,
          all: async <R>(...params: unknown[]) => compiled.all(...params) as R[],
          run: async (...params: unknown[]) => {
            compiled.run(...params);
          },
        };
        return statement;
      }, sqliteDialect);
      built.set(sqlite, statements);
    }
    return statements;
  };
}
