import type { SQL } from "drizzle-orm";
import type { Queryable } from "./database";

/*
 * Raw SQL through the engine, with the same asynchronous signature on every engine: SQLite's driver answers
 * at once, PostgreSQL's over the wire. Query modules call these, never the driver's own all/get/run.
 */

export async function allRows<T>(q: Queryable, query: SQL): Promise<T[]> {
  return q.all<T>(query);
}

export async function firstRow<T>(q: Queryable, query: SQL): Promise<T | undefined> {
  return q.get<T>(query);
}

export async function execute(q: Queryable, query: SQL): Promise<void> {
  q.run(query);
}
