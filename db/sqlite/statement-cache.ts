import type Database from "better-sqlite3";

const CAPACITY = 500;

/**
 * Makes `prepare` reuse compiled statements. Drizzle asks better-sqlite3 to prepare every query it runs,
 * and compiling the SQL was the largest single cost of recording a deployment. A statement handed out
 * again is reset to plain rows first (drizzle switches some to raw arrays); statements are only ever run
 * to completion here (no iterators), so one is never busy when it is reused.
 */
export function cachePreparedStatements(sqlite: Database.Database): void {
  const prepare = sqlite.prepare.bind(sqlite);
  const cache = new Map<string, Database.Statement>();
  const cached = (source: string) => {
    let statement = cache.get(source);
    if (statement) {
      cache.delete(source);
      if (statement.reader) statement.raw(false).pluck(false).expand(false);
    } else {
      statement = prepare(source);
    }
    cache.set(source, statement);
    if (cache.size > CAPACITY) cache.delete(cache.keys().next().value!);
    return statement;
  };
  sqlite.prepare = cached as Database.Database["prepare"];
}
