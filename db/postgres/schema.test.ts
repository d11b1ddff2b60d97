import { describe, expect, expectTypeOf, it } from "vitest";
import { is, SQL, Table, type InferInsertModel, type InferSelectModel } from "drizzle-orm";
import { getTableConfig as sqliteConfig, SQLiteTable } from "drizzle-orm/sqlite-core";
import { getTableConfig as pgConfig, PgTable } from "drizzle-orm/pg-core";
import * as sqliteSchema from "../schema";
import * as pgSchema from "./schema";

/*
 * The PostgreSQL schema is a twin of the SQLite one: the queries are written once against SQLite's table
 * objects and run on both engines, so every table must have the same columns, keys and indexes, and the
 * same row types. Both lists of tables come from the schema modules' exports, so a table or column added
 * on one side only fails here (and a different row type fails `tsc`).
 */

type TablesOf<S> = { [K in keyof S as S[K] extends Table ? K : never]: S[K] };
type Selects<S> = { [K in keyof TablesOf<S>]: TablesOf<S>[K] extends Table ? InferSelectModel<TablesOf<S>[K]> : never };
type Inserts<S> = { [K in keyof TablesOf<S>]: TablesOf<S>[K] extends Table ? InferInsertModel<TablesOf<S>[K]> : never };

type AnyConfig = ReturnType<typeof sqliteConfig> | ReturnType<typeof pgConfig>;
type AnyColumn = AnyConfig["columns"][number];

/** An index's part: a column by name, or an expression by the columns it reads. */
function part(p: unknown): string {
  if (is(p, SQL)) {
    const columns = p.queryChunks.filter((c): c is AnyColumn => typeof c === "object" && c !== null && "name" in c && "table" in c);
    return `expression(${columns.map((c) => c.name).join(", ")})`;
  }
  return (p as AnyColumn).name;
}

/** What must be the same on both engines, engine-neutral. */
function shape(config: AnyConfig) {
  return {
    name: config.name,
    columns: Object.fromEntries(
      config.columns.map((c) => [
        c.name,
        { notNull: c.notNull, hasDefault: c.hasDefault, default: c.default, primary: c.primary, unique: c.isUnique ? c.uniqueName : null, enumValues: c.enumValues ?? null },
      ]),
    ),
    primaryKeys: config.primaryKeys.map((k) => k.columns.map((c) => c.name)),
    indexes: Object.fromEntries(config.indexes.map((i) => [i.config.name, { unique: i.config.unique, on: i.config.columns.map(part) }])),
    uniqueConstraints: config.uniqueConstraints.map((u) => u.getName()),
    foreignKeys: config.foreignKeys
      .map((fk) => {
        const r = fk.reference();
        return { columns: r.columns.map((c) => c.name), table: getTableName(r.foreignTable), foreignColumns: r.foreignColumns.map((c) => c.name), onDelete: fk.onDelete ?? "no action", onUpdate: fk.onUpdate ?? "no action" };
      })
      .sort((a, b) => a.columns.join().localeCompare(b.columns.join())),
  };
}

function getTableName(table: Table): string {
  return is(table, PgTable) ? pgConfig(table).name : sqliteConfig(table as SQLiteTable).name;
}

function tables<T>(schema: Record<string, unknown>, kind: abstract new (...args: never[]) => T): Map<string, T> {
  return new Map(Object.entries(schema).filter((entry): entry is [string, T] => is(entry[1], kind as never)));
}

describe("the PostgreSQL schema", () => {
  it("infers the same row types as SQLite's, table by table", () => {
    expectTypeOf<Selects<typeof pgSchema>>().toEqualTypeOf<Selects<typeof sqliteSchema>>();
    expectTypeOf<Inserts<typeof pgSchema>>().toEqualTypeOf<Inserts<typeof sqliteSchema>>();
  });

  it("exports the same names, with the same constants (imported, not copied)", () => {
    expect(Object.keys(pgSchema).sort()).toEqual(Object.keys(sqliteSchema).sort());
    const sqliteExports = sqliteSchema as Record<string, unknown>;
    for (const [name, value] of Object.entries(pgSchema)) {
      if (!is(value, Table)) expect(value, name).toBe(sqliteExports[name]);
    }
  });

  it("has the same tables, columns, keys, uniques, foreign keys and indexes", () => {
    const sqliteTables = tables(sqliteSchema, SQLiteTable);
    const pgTables = tables(pgSchema, PgTable);
    expect([...pgTables.keys()].sort()).toEqual([...sqliteTables.keys()].sort());
    expect(pgTables.size).toBeGreaterThan(20);
    for (const [name, sqliteTable] of sqliteTables) {
      expect(shape(pgConfig(pgTables.get(name)!)), name).toEqual(shape(sqliteConfig(sqliteTable)));
    }
  });

  it("finds a column added on one side only", () => {
    const { deployments } = sqliteSchema;
    const config = sqliteConfig(deployments);
    const widened = { ...config, columns: [...config.columns, { ...config.columns[0]!, name: "extra" }] } as typeof config;
    expect(shape(pgConfig(pgSchema.deployments))).not.toEqual(shape(widened));
  });
});
