import { asc, count, eq, getTableColumns, getTableName, is, isNotNull, sql, type SQL } from "drizzle-orm";
import { SQLiteTable, getTableConfig, type SQLiteColumn } from "drizzle-orm/sqlite-core";
import type { Database, Queryable } from "../database";
import { dialectOf } from "../dialect";
import * as schema from "../schema";
import { rebuildRollups } from "./rollups";
import { execute } from "../raw";

/*
 * A whole Tandem copied from one database to another, of either engine: every table of the schema, rows
 * read through the schema's columns and written through them again, so each engine stores them its own way.
 * The rollups are not copied: the target's triggers keep them as the rows arrive and a rebuild from the
 * rules' views checks them at the end, so a copy can never carry a stale rollup across.
 */

/** Kept by triggers from the other tables (db/queries/rollups.ts rebuilds them). */
const ROLLUPS = new Set(["deployment_days", "failed_changes", "commit_deliveries", "lead_days"]);

/** Both engines take this many bound values in one statement (SQLite's limit is 32,766, PostgreSQL's 65,535). */
const VALUES_PER_STATEMENT = 30_000;

type Table = SQLiteTable;

/** The schema's tables, each after every table it refers to (only deployments refer to themselves). */
export function tablesInCopyOrder(): Table[] {
  const tables = (Object.values(schema) as unknown[]).filter((value): value is Table => is(value, SQLiteTable));
  const ordered: Table[] = [];
  const placed = new Set<Table>();
  const place = (table: Table) => {
    if (placed.has(table)) return;
    placed.add(table);
    for (const fk of getTableConfig(table).foreignKeys) {
      const target = fk.reference().foreignTable as Table;
      if (target !== table) place(target);
    }
    ordered.push(table);
  };
  tables.forEach(place);
  return ordered;
}

export type TableCount = { table: string; rows: number };

export async function countRows(read: Queryable): Promise<TableCount[]> {
  const counts: TableCount[] = [];
  for (const table of tablesInCopyOrder()) {
    const [row] = await read.select({ n: count() }).from(table);
    counts.push({ table: getTableName(table), rows: row!.n });
  }
  return counts;
}

/** Columns that refer to their own table (a rollback names the deployment it undoes): written in a second pass. */
function selfReferences(table: Table): SQLiteColumn[] {
  return getTableConfig(table)
    .foreignKeys.filter((fk) => fk.reference().foreignTable === table)
    .flatMap((fk) => fk.reference().columns);
}

/** A stable order to page a table in: its primary key, else every column. */
function pageOrder(table: Table): SQL[] {
  const config = getTableConfig(table);
  const key = config.columns.filter((c) => c.primary);
  const columns = key.length ? key : config.primaryKeys[0]?.columns.length ? config.primaryKeys[0].columns : config.columns;
  return columns.map((c) => asc(c));
}

async function copyTable(source: Queryable, tx: Queryable, table: Table): Promise<void> {
  const columns = getTableConfig(table).columns;
  const batch = Math.max(1, Math.floor(VALUES_PER_STATEMENT / columns.length));
  const later = selfReferences(table);
  const laterKeys = new Set(later.map((c) => columnKey(table, c)));
  const idColumn = columns.find((c) => c.name === "id");
  const order = pageOrder(table);
  for (let offset = 0; ; offset += batch) {
    const rows = await source
      .select()
      .from(table)
      .orderBy(...order)
      .limit(batch)
      .offset(offset);
    if (rows.length === 0) break;
    const first = rows.map((row) => Object.fromEntries(Object.entries(row).map(([key, value]) => [key, laterKeys.has(key) ? null : value])));
    await tx.insert(table).values(first);
    if (rows.length < batch) break;
  }
  if (!later.length || !idColumn) return;
  // Second pass: every row exists now, so each self-reference can be set whatever order the ids came in.
  for (const column of later) {
    const key = columnKey(table, column);
    for (let offset = 0; ; offset += batch) {
      const rows = (await source
        .select({ id: idColumn, value: column })
        .from(table)
        .where(isNotNull(column))
        .orderBy(asc(idColumn))
        .limit(batch)
        .offset(offset)) as { id: number; value: unknown }[];
      for (const row of rows) await tx.update(table).set({ [key]: row.value }).where(eq(idColumn, row.id));
      if (rows.length < batch) break;
    }
  }
}

/** The property name Drizzle gives a column in its rows. */
function columnKey(table: Table, column: SQLiteColumn): string {
  const entry = Object.entries(getTableColumns(table)).find(([, c]) => c === column);
  if (!entry) throw new Error(`column ${column.name} is not in ${getTableName(table)}`);
  return entry[0];
}

/** What stops a target from taking a copy: the tables that already hold rows. */
export async function nonEmptyTables(db: Database): Promise<string[]> {
  return (await countRows(db.read)).filter((c) => c.rows > 0).map((c) => c.table);
}

/**
 * Copies every row of `source` into `target` (migrated and empty) in one transaction, so a failed copy
 * leaves the target empty; then rebuilds the target's rollups from its views and lets the engine carry
 * on numbering after the copied ids. The source is read as one snapshot, so a copy taken while servers
 * write holds rows that agree with each other (a deployment's commit links, never without it). Returns
 * the counts of the rows copied: the source's, in that snapshot. `progress` is awaited before each table.
 */
export async function copyDatabase(source: Database, target: Database, progress: (table: string) => void | Promise<void> = () => undefined): Promise<TableCount[]> {
  return source.snapshot((read) =>
    target.transaction(async (tx) => {
      for (const table of tablesInCopyOrder()) {
        if (ROLLUPS.has(getTableName(table))) continue;
        await progress(getTableName(table));
        await copyTable(read, tx, table);
        const id = getTableConfig(table).columns.find((c) => c.name === "id" && c.primary && c.columnType === "SQLiteInteger");
        const reset = id && dialectOf(tx).continueNumbering(getTableName(table), id.name);
        if (reset) await execute(tx, sql.raw(reset));
      }
      await rebuildRollups(target);
      return countRows(read);
    }),
  );
}
