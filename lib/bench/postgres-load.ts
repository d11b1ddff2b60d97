import Database from "better-sqlite3";
import pg from "pg";
import { connectDatabase } from "@/db/client";
import { rebuildRollups } from "@/db/queries/rollups";
import { TABLES } from "./generate";

const ROWS_PER_STATEMENT = 5_000;
const REPLICA = "-c session_replication_role=replica";

/*
 * The benchmark's data on PostgreSQL: the rows the generator wrote to its (cached) SQLite file, loaded
 * into a migrated, empty PostgreSQL database, so both engines are measured on the same rows. Like the
 * SQLite generator it skips the app's per-row work: triggers and foreign-key checks are off for the load
 * (session_replication_role = replica, which needs a superuser), the secondary indexes are built once at
 * the end, and the rollups are then computed from the rules' views (db/queries/rollups.ts), as `rebuild`
 * does. `tandem copy` moves the same rows through the schema with every trigger on, about 50 times slower.
 */
export async function loadIntoPostgres(sqliteFile: string, url: string, progress: (line: string) => void): Promise<void> {
  const source = new Database(sqliteFile, { readonly: true });
  const client = new pg.Client({ connectionString: url, options: REPLICA });
  await client.connect();
  try {
    await client.query("begin");
    const indexes = await dropIndexes(client);
    for (const table of TABLES) {
      const start = performance.now();
      const rows = await copyTable(source, client, table);
      progress(`${table}: ${rows.toLocaleString("en")} rows in ${((performance.now() - start) / 1000).toFixed(1)} s`);
    }
    progress("building indexes…");
    for (const create of indexes) await client.query(create);
    await client.query("commit");
  } finally {
    source.close();
    await client.end();
  }
  progress("computing the rollups from the rules' views…");
  // Triggers off here too: the one on commit_deliveries would keep lead_days row by row, which the rebuild then writes whole.
  const replica = new URL(url);
  replica.searchParams.set("options", REPLICA);
  const { db } = await connectDatabase({ engine: "postgres", url: replica.toString() }, { migrate: false });
  try {
    await rebuildRollups(db);
  } finally {
    await db.close();
  }
  const analyze = new pg.Client({ connectionString: url });
  await analyze.connect();
  try {
    await analyze.query("analyze");
  } finally {
    await analyze.end();
  }
}

/** Drops the secondary indexes of the generator's tables and returns their definitions (constraints' indexes stay). */
async function dropIndexes(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string; definition: string }>(
    `select indexname as name, indexdef as definition from pg_indexes
      where schemaname = current_schema() and tablename = any($1) and indexname not in (select conname from pg_constraint)`,
    [TABLES],
  );
  for (const { name } of rows) await client.query(`drop index "${name}"`);
  return rows.map((r) => r.definition);
}

/** One table's rows, as JSON the database spreads over its columns; SQLite's 0/1 become booleans. */
async function copyTable(source: Database.Database, client: pg.Client, table: string): Promise<number> {
  const { rows: columns } = await client.query<{ name: string; type: string }>(
    "select column_name as name, data_type as type from information_schema.columns where table_schema = current_schema() and table_name = $1",
    [table],
  );
  const booleans = columns.filter((c) => c.type === "boolean").map((c) => c.name);
  const list = columns.map((c) => `"${c.name}"`).join(", ");
  const insert = `insert into "${table}" (${list}) select ${list} from json_populate_recordset(null::"${table}", $1::json)`;
  let batch: Record<string, unknown>[] = [];
  let count = 0;
  const flush = async () => {
    if (!batch.length) return;
    await client.query(insert, [JSON.stringify(batch)]);
    count += batch.length;
    batch = [];
  };
  for (const row of source.prepare(`select * from "${table}" order by rowid`).iterate() as Iterable<Record<string, unknown>>) {
    for (const b of booleans) if (row[b] !== null && row[b] !== undefined) row[b] = row[b] === 1;
    batch.push(row);
    if (batch.length === ROWS_PER_STATEMENT) await flush();
  }
  await flush();
  const { rows: identities } = await client.query<{ name: string }>(
    "select column_name as name from information_schema.columns where table_schema = current_schema() and table_name = $1 and is_identity = 'YES'",
    [table],
  );
  // Rows went in with their ids: the identity carries on after them, as it would have had they been inserted one by one.
  for (const { name } of identities) await client.query(`select setval(pg_get_serial_sequence('"${table}"', '${name}'), coalesce(max("${name}"), 0) + 1, false) from "${table}"`);
  return count;
}
