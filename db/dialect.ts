import type { Queryable } from "./database";
import { postgresDialect } from "./postgres/dialect";
import { sqliteDialect } from "./sqlite/dialect";

/**
 * The few SQL spellings that differ between the engines, for query modules written once (db/queries).
 * Each engine's folder holds its own (db/sqlite/dialect.ts, db/postgres/dialect.ts); everything else a
 * query says is SQL both engines read the same way. All take and give SQL text.
 */
export interface Dialect {
  readonly engine: "sqlite" | "postgres";
  /** The smaller of two values (a scalar, not the aggregate). */
  least(a: string, b: string): string;
  /** An aggregate: the values as a JSON array in text, `[]` when there are none; `filter` limits the rows. */
  jsonArray(expression: string, filter?: string): string;
  /** An aggregate: the values as text joined by `separator`, null when there are none. */
  joined(expression: string, separator: string): string;
  /** A join that the planner must take in the written order (SQLite plans without statistics here). */
  readonly orderedJoin: string;
  /** An aggregate: byte strings concatenated. */
  concatBytes(expression: string): string;
  /** An aggregate: whole numbers as 8-byte big-endian integers, concatenated (lead_days' encoding). */
  packInt64(expression: string): string;
  /** A number rounded half away from zero to a whole number, as SQLite's round() does. */
  roundToInteger(expression: string): string;
  /** A statement that makes new rows' ids follow the largest one inserted explicitly; undefined when the engine does so by itself. */
  continueNumbering(table: string, column: string): string | undefined;
}

/** Marks a Queryable that is not SQLite's own Drizzle database (db/postgres adds it). */
export const ENGINE = Symbol.for("tandem.engine");

export function dialectOf(q: Queryable): Dialect {
  return (q as unknown as { [ENGINE]?: string })[ENGINE] === "postgres" ? postgresDialect : sqliteDialect;
}
