import pg from "pg";

/*
 * What values come back as from PostgreSQL, so raw SQL reads the same JavaScript as on SQLite: node-postgres
 * gives int8 (count(*), sum() of integers, the bigint epoch-ms columns) and numeric as strings, because
 * they can exceed 2^53; Tandem's never do (ms until the year 275760, counts of rows), and SQLite gives
 * numbers. Every other type keeps node-postgres' parser (float8 is already a number, bytea a Buffer,
 * boolean a boolean).
 */

type Oid = Parameters<typeof pg.types.getTypeParser>[0];
const INT8 = 20 as Oid;
const NUMERIC = 1700 as Oid;
const INT8_ARRAY = 1016 as Oid;

const toNumber = (value: string) => Number(value);

function getTypeParser(oid: Oid, format?: "text" | "binary") {
  if (format !== "binary") {
    if (oid === INT8 || oid === NUMERIC) return toNumber;
    if (oid === INT8_ARRAY) {
      const parseArray = pg.types.getTypeParser(INT8_ARRAY, "text") as (value: string) => (string | null)[];
      return (value: string) => parseArray(value).map((v) => (v === null ? null : Number(v)));
    }
  }
  return pg.types.getTypeParser(oid, format);
}

/** The `types` option of every pg.Pool and pg.Client Tandem opens. */
export const TANDEM_PG_TYPES = { getTypeParser } as pg.CustomTypesConfig;
