import type { SQL } from "drizzle-orm";
import type { Queryable } from "./database";

/**
 * Raw SQL through the engine, with the same asynchronous signature on every engine: SQLite's driver answers
 * at once, PostgreSQL's over the wire (db/postgres adds these three to its Drizzle database). Query modules
 * call these, never a driver's own methods.
 */
type Raw = {
  all<T>(query: SQL): T[] | Promise<T[]>;
  get<T>(query: SQL): T | undefined | Promise<T | undefined>;
  run(query: SQL): unknown;
};

const raw = (q: Queryable) => q as unknown as Raw;

export async function allRows<T>(q: Queryable, query: SQL): Promise<T[]> {
  return await raw(q).all<T>(query);
}

export async function firstRow<T>(q: Queryable, query: SQL): Promise<T | undefined> {
  return await raw(q).get<T>(query);
}

export async function execute(q: Queryable, query: SQL): Promise<void> {
  await raw(q).run(query);
}
