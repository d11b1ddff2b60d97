import type { Dialect } from "../dialect";

export const postgresDialect: Dialect = {
  engine: "postgres",
  least: (a, b) => `least(${a}, ${b})`,
  jsonArray: (e, filter) => `coalesce(json_agg(${e})${filter ? ` filter (where ${filter})` : ""}::text, '[]')`,
  joined: (e, separator) => `string_agg((${e})::text, '${separator}')`,
  // PostgreSQL plans joins by its statistics; it has no CROSS JOIN … ON.
  orderedJoin: "join",
  concatBytes: (e) => `string_agg(${e}, ''::bytea)`,
  packInt64: (e) => `string_agg(int8send((${e})::int8), ''::bytea)`,
  // round() on a double rounds half to even; on numeric half away from zero, as SQLite does.
  roundToInteger: (e) => `round((${e})::numeric)::int8`,
  // An identity's sequence knows nothing of ids inserted explicitly (a copy): it is moved past them.
  continueNumbering: (table, column) =>
    `select setval(pg_get_serial_sequence('"${table}"', '${column}'), coalesce(max("${column}"), 0) + 1, false) from "${table}"`,
};
