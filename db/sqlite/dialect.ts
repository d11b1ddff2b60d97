import type { Dialect } from "../dialect";

export const sqliteDialect: Dialect = {
  engine: "sqlite",
  least: (a, b) => `min(${a}, ${b})`,
  jsonArray: (e, filter) => `json_group_array(${e})${filter ? ` filter (where ${filter})` : ""}`,
  joined: (e, separator) => `group_concat(${e}, '${separator}')`,
  // SQLite takes a CROSS JOIN's tables in the order written.
  orderedJoin: "cross join",
  // group_concat copies each BLOB's bytes as they are (in a UTF-8 database a BLOB read as text is not
  // converted) and the cast gives them back as a BLOB; about twice as fast as going through hex().
  concatBytes: (e) => `cast(group_concat(${e}, '') as blob)`,
  packInt64: (e) => `unhex(group_concat(printf('%016x', ${e}), ''))`,
  roundToInteger: (e) => `cast(round(${e}) as integer)`,
  // An AUTOINCREMENT key already continues after the largest id ever inserted (sqlite_sequence).
  continueNumbering: () => undefined,
};
