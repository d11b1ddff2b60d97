import pg from "pg";

/*
 * How values come back from PostgreSQL, so that they are the JS types SQLite gives: `bigint` (epoch
 * milliseconds, `count(*)`, `sum` of integers) and `numeric` (`sum`/`avg` of bigints) arrive as numbers,
 * not strings. Every such value Tandem stores or computes is far below 2^53 (ms until the year 287,396;
 * counts of rows), so nothing is rounded. Set on pg's shared parsers, not per pool: Drizzle's node-postgres
 * session passes its own per-query parsers, which fall back to the shared ones.
 */
pg.types.setTypeParser(pg.types.builtins.INT8, Number);
pg.types.setTypeParser(pg.types.builtins.NUMERIC, Number);
