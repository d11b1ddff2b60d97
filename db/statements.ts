import type { Queryable } from "./database";
import { dialectOf, type Dialect } from "./dialect";
import { postgresStatements } from "./postgres/statements";
import { sqliteStatements } from "./sqlite/prepared";

/** A statement compiled once, run with positional `?` parameters; rows come back as SQLite gives them. */
export type Statement = {
  get<T>(...params: unknown[]): Promise<T | undefined>;
  all<T>(...params: unknown[]): Promise<T[]>;
  run(...params: unknown[]): Promise<void>;
};

export type Prepare = (source: string) => Statement;

/**
 * Statements a query module compiles once per connection, for the paths run thousands of times a second
 * (recording deployments): building SQL through Drizzle cost several times what the engine took to run
 * it. `build` gets the engine's dialect for the few spellings that differ (db/dialect.ts).
 */
export function preparedStatements<T>(build: (prepare: Prepare, dialect: Dialect) => T): (q: Queryable) => T {
  const onSqlite = sqliteStatements(build);
  const onPostgres = postgresStatements(build);
  return (q) => (dialectOf(q).engine === "postgres" ? onPostgres(q) : onSqlite(q));
}
