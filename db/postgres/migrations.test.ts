import path from "node:path";
import pg from "pg";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import { afterEach, describe, expect, it } from "vitest";
import type BetterSqlite from "better-sqlite3";
import { postgresAvailable, postgresServer } from "../test/postgres";
import { memoryDb } from "../test/temp-db";
import { keptRollups, keptRollupsOn, LEAD_PARTS, rollupsFromScratch, rollupsFromScratchOn } from "../test/rollups";
import { Random } from "../seed/random";
import { utcDay } from "../schema/calendar";
import "./types";
import { numbered } from "./statements";

/*
 * The PostgreSQL migrations against a throw-away cluster: they build what SQLite's migrations build (tables,
 * columns, indexes, views, triggers), and one seeded random history of raw writes leaves the same rollups on
 * both engines, each equal to its views from scratch after every step.
 */

const MIGRATIONS = path.join(import.meta.dirname, "migrations");
const DAY = 86_400_000;

type Row = Record<string, unknown>;
type Params = readonly (string | number | boolean | null)[];

/** One engine through the same SQL: `?` placeholders, booleans bound as SQLite stores them (0, 1). */
type Engine = { all: (sql: string, params?: Params) => Promise<Row[]>; run: (sql: string, params?: Params) => Promise<void> };

function sqliteEngine(sqlite: BetterSqlite.Database): Engine {
  const bind = (params: Params) => params.map((p) => (typeof p === "boolean" ? Number(p) : p));
  return {
    all: async (sql, params = []) => sqlite.prepare(sql).all(...bind(params)) as Row[],
    run: async (sql, params = []) => void sqlite.prepare(sql).run(...bind(params)),
  };
}

function pgEngine(client: pg.Client): Engine {
  return {
    all: async (sql, params = []) => (await client.query(numbered(sql), [...params])).rows as Row[],
    run: async (sql, params = []) => void (await client.query(numbered(sql), [...params])),
  };
}

const clients: pg.Client[] = [];
let server: ReturnType<typeof postgresServer>;

/** A new database in the cluster with every migration applied, and a client that reads int8 and numeric as numbers. */
async function migratedPostgres(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: await server.fresh() });
  await client.connect();
  clients.push(client);
  await migrate(drizzle(client), { migrationsFolder: MIGRATIONS });
  return client;
}

describe.skipIf(!postgresAvailable)("PostgreSQL migrations", () => {
  server = postgresServer();
  afterEach(async () => {
    for (const client of clients.splice(0)) await client.end();
  });

  it("build the tables, columns, indexes, views and triggers SQLite's migrations build", async () => {
    const client = await migratedPostgres();
    const pgDb = pgEngine(client);
    const { sqlite } = memoryDb();

    const sqliteTables = (sqlite.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name <> '__drizzle_migrations' order by name").pluck().all() as string[]);
    const pgTables = (await pgDb.all("select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1")).map((r) => r.name);
    expect(pgTables).toEqual(sqliteTables);

    // SQLite's storage classes and the PostgreSQL types that hold the same values (booleans and ms are integers on SQLite).
    const sameValues: Record<string, string[]> = { integer: ["integer", "bigint", "boolean"], text: ["text"], real: ["double precision"], blob: ["bytea"] };
    for (const table of sqliteTables) {
      const sqliteColumns = sqlite.prepare("select name, \"notnull\" as not_null, lower(type) as type from pragma_table_info(?) order by cid").all(table) as { name: string; not_null: number; type: string }[];
      const pgColumns = await pgDb.all(
        "select column_name as name, is_nullable = 'NO' as not_null, data_type as type from information_schema.columns where table_schema = 'public' and table_name = ? order by ordinal_position",
        [table],
      );
      const byName = (rows: { name: unknown; not_null: unknown }[]) => Object.fromEntries(rows.map((c) => [c.name, Boolean(c.not_null)]));
      expect(byName(pgColumns as { name: string; not_null: boolean }[]), `${table}: columns and NOT NULL`).toEqual(byName(sqliteColumns));
      for (const column of sqliteColumns) {
        expect(sameValues[column.type], `${table}.${column.name}`).toContain(pgColumns.find((c) => c.name === column.name)!.type);
      }
    }

    // Indexes other than primary keys: name, uniqueness and columns (null for an expression).
    const sqliteIndexes = sqliteTables.flatMap((table) =>
      (sqlite.prepare("select name, \"unique\" from pragma_index_list(?) where origin <> 'pk'").all(table) as { name: string; unique: number }[]).map((i) => ({
        table,
        name: i.name,
        unique: i.unique === 1,
        columns: (sqlite.prepare("select name from pragma_index_info(?) order by seqno").all(i.name) as { name: string | null }[]).map((c) => c.name),
      })),
    );
    const pgIndexes = await pgDb.all(`select t.relname as "table", i.relname as name, x.indisunique as "unique",
        array(select a.attname::text from unnest(x.indkey) with ordinality as k(attnum, ord) left join pg_attribute a on a.attrelid = t.oid and a.attnum = k.attnum order by k.ord) as columns
      from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid join pg_namespace n on n.oid = t.relnamespace
      where n.nspname = 'public' and not x.indisprimary`);
    const sorted = (rows: Row[]) => [...rows].sort((a, b) => String(a.name).localeCompare(String(b.name)));
    expect(sorted(pgIndexes)).toEqual(sorted(sqliteIndexes));
    expect(sqliteIndexes.some((i) => i.columns.includes(null))).toBe(true);

    // The rules' views; SQLite's *_refresh views (refreshed through INSTEAD OF triggers) are functions here.
    const sqliteViews = sqlite.prepare("select name from sqlite_master where type = 'view' order by name").pluck().all() as string[];
    const refreshViews = sqliteViews.filter((v) => v.endsWith("_refresh"));
    expect(refreshViews).toEqual(["commit_deliveries_refresh", "failed_changes_refresh", "lead_days_refresh"]);
    expect((await pgDb.all("select table_name as name from information_schema.views where table_schema = 'public' order by 1")).map((r) => r.name)).toEqual(
      sqliteViews.filter((v) => !refreshViews.includes(v)),
    );
    const pgFunctions = (await pgDb.all("select proname as name from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname = 'public'")).map((r) => r.name);
    expect(pgFunctions).toEqual(expect.arrayContaining(refreshViews));

    // Every SQLite trigger on a table, by name and table; PostgreSQL adds the few its own semantics need.
    const sqliteTriggers = sqlite.prepare("select name, tbl_name as \"table\" from sqlite_master where type = 'trigger' order by name").all() as { name: string; table: string }[];
    const pgTriggers = await pgDb.all("select t.tgname as name, c.relname as \"table\" from pg_trigger t join pg_class c on c.oid = t.tgrelid where not t.tgisinternal order by 1");
    const onTables = sqliteTriggers.filter((t) => !refreshViews.includes(t.table));
    expect(onTables.length).toBeGreaterThan(15);
    expect(pgTriggers.filter((t) => !onTables.some((s) => s.name === t.name && s.table === t.table))).toEqual([
      { name: "audit_log_no_truncate", table: "audit_log" },
      { name: "commit_deliveries_before_deployment_delete", table: "deployments" },
      { name: "failed_changes_before_deployment_delete", table: "deployments" },
    ]);
    expect(onTables.filter((s) => !pgTriggers.some((t) => s.name === t.name && s.table === t.table))).toEqual([]);
    sqlite.close();
  });

  it("apply once: migrating again changes nothing", async () => {
    const client = await migratedPostgres();
    const applied = async () => (await client.query("select count(*) as n from drizzle.__drizzle_migrations")).rows[0].n as number;
    const before = await applied();
    await migrate(drizzle(client), { migrationsFolder: MIGRATIONS });
    expect(await applied()).toBe(before);
    expect(before).toBeGreaterThanOrEqual(2);
  });

  it("read int8 and numeric as numbers through the type parsers, and the rest as node-postgres does", async () => {
    const client = await migratedPostgres();
    const { rows } = await client.query(
      "select count(*) as n, 9007199254740991::bigint as big, -5::bigint as negative, 1.5::numeric as decimal, 0.1::float8 as float, true as yes, '\\x0001'::bytea as bytes, null::bigint as nothing",
    );
    expect(rows[0]).toEqual({ n: 1, big: 9007199254740991, negative: -5, decimal: 1.5, float: 0.1, yes: true, bytes: Buffer.from([0, 1]), nothing: null });
  });

  it("keep the audit log append-only", async () => {
    const client = await migratedPostgres();
    await client.query("insert into audit_log (at, actor_type, actor_label, action, entity_type) values (0, 'cli', 'command line', 'test.write', 'thing')");
    await expect(client.query("update audit_log set action = 'forged'")).rejects.toThrow(/audit_log is append-only/);
    await expect(client.query("delete from audit_log")).rejects.toThrow(/audit_log is append-only/);
    await expect(client.query("truncate audit_log")).rejects.toThrow(/audit_log is append-only/);
    expect((await client.query("select action from audit_log")).rows).toEqual([{ action: "test.write" }]);
  });

  it("give the UTC day and the lead in ms exactly as SQLite does, negative days and halves included", async () => {
    const pgDb = pgEngine(await migratedPostgres());
    const { sqlite } = memoryDb();
    const sqliteDb = sqliteEngine(sqlite);
    const r = new Random(3);
    const times = [0, -1, 1, DAY - 1, DAY, -DAY, -DAY - 1, ...Array.from({ length: 200 }, () => Math.floor((r.next() - 0.5) * 2000 * DAY))];
    for (const db of [pgDb, sqliteDb]) {
      await db.run("insert into services (id, slug, name, created_at, updated_at) values (1, 's', 'S', 0, 0)");
      for (const t of times) await db.run("insert into deployments (service_id, environment, status, finished_at, source, created_at, updated_at) values (1, 'production', 'success', ?, 'test', 0, 0)", [t]);
    }
    expect((await pgDb.all("select day from counted_deployments order by id")).map((d) => d.day)).toEqual(times.map(utcDay));
    // Half a millisecond rounds away from zero on SQLite; PostgreSQL's round() of a double would round to even.
    const seconds = [0.0025, 0.0015, 0.0005, 1.0005, 12345.6785, 86400.0005, 0.001, 3600, 1e-7, -0.0025, -1.0005];
    for (const s of seconds) {
      const [onPg] = await pgDb.all("select lead_ms(?::double precision) as ms", [s]);
      const [onSqlite] = await sqliteDb.all("select cast(round(? * 1000) as integer) as ms", [s]);
      expect(onPg, `${s} s`).toEqual(onSqlite);
    }
    sqlite.close();
  });

  it("cut a busy day's leads into the same parts as SQLite, with the same bytes", async () => {
    const pgDb = pgEngine(await migratedPostgres());
    const { sqlite } = memoryDb();
    const sqliteDb = sqliteEngine(sqlite);
    const parts = "select part, n, ms from lead_days order by part";
    for (const db of [pgDb, sqliteDb]) {
      await db.run("insert into services (id, slug, name, created_at, updated_at) values (1, 'api', 'API', 0, 0)");
      for (let i = 0; i < 600; i++) {
        const [d] = await db.all("insert into deployments (service_id, environment, status, finished_at, source, created_at, updated_at) values (1, 'production', 'success', ?, 'test', 0, 0) returning id", [DAY + i * 1000]);
        const [c] = await db.all("insert into commits (service_id, sha, timestamp) values (1, ?, ?) returning id", [`c${i}`, -i * 7]);
        await db.run("insert into deployment_commits (deployment_id, commit_id) values (?, ?)", [d!.id as number, c!.id as number]);
      }
    }
    const appended = await pgDb.all(parts);
    expect(appended.map(({ part, n }) => ({ part, n }))).toEqual([
      { part: 0, n: 256 },
      { part: 1, n: 256 },
      { part: 2, n: 88 },
    ]);
    expect(appended).toEqual(await sqliteDb.all(parts));
    for (const db of [pgDb, sqliteDb]) await db.run("update deployments set status = 'failure' where id = 1");
    expect((await pgDb.all("select part, n from lead_days order by part")).map((p) => p.n)).toEqual([256, 256, 87]);
    expect(await keptRollupsOn(pgDb.all)).toEqual(keptRollups(sqlite));
    expect(await keptRollupsOn(pgDb.all)).toEqual(await rollupsFromScratchOn(pgDb.all));
    sqlite.close();
  });

  it("let a deployment go that is a failed change and delivers commits, as SQLite does, its rollup rows with it", async () => {
    const pgDb = pgEngine(await migratedPostgres());
    const { sqlite } = memoryDb();
    for (const db of [pgDb, sqliteEngine(sqlite)]) {
      await db.run("insert into services (id, slug, name, created_at, updated_at) values (1, 'api', 'API', 0, 0)");
      await db.run("insert into commits (service_id, sha, timestamp) values (1, 'a', 0)");
      const deploy = "insert into deployments (service_id, status, finished_at, change_failed, source, created_at, updated_at) values (1, 'success', ?, ?, 'test', 0, 0)";
      await db.run(deploy, [2000, true]);
      await db.run(deploy, [5000, false]);
      await db.run("insert into deployment_commits (deployment_id, commit_id) values (1, 1), (2, 1)");
      expect((await keptRollupsOn(db.all)).failedChanges).toHaveLength(1);
      await db.run("delete from deployments where id = 1");
    }
    const kept = await keptRollupsOn(pgDb.all);
    expect(kept).toMatchObject({ failedChanges: [], commitDeliveries: [{ commit_id: 1, deployment_id: 2, seconds: 5 }] });
    expect(kept).toEqual(keptRollups(sqlite));
    expect(kept).toEqual(await rollupsFromScratchOn(pgDb.all));
    sqlite.close();
  });

  it("keep the rollups equal to the views after every raw write, and equal to SQLite's after the same writes", async () => {
    const seen = { failed: 0, deliveries: 0, leads: 0 };
    const writes = new Set<string>();
    for (let seed = 1; seed <= 4; seed++) {
      const pgDb = pgEngine(await migratedPostgres());
      const { sqlite } = memoryDb();
      const sqliteDb = sqliteEngine(sqlite);
      // Every statement runs on both engines; what it returns must be the same (ids included).
      const both: Engine = {
        all: async (sql, params) => {
          const rows = await pgDb.all(sql, params);
          expect(await sqliteDb.all(sql, params), sql).toEqual(rows);
          return rows;
        },
        run: async (sql, params) => {
          await pgDb.run(sql, params);
          await sqliteDb.run(sql, params);
        },
      };
      for (const id of [1, 2]) await both.run("insert into services (id, slug, name, created_at, updated_at) values (?, ?, ?, 0, 0)", [id, `s${id}`, `S${id}`]);
      const r = new Random(seed);
      for (let step = 0; step < 60; step++) {
        writes.add(await randomWrite(both, r));
        const kept = await keptRollupsOn(pgDb.all);
        expect(kept, `PostgreSQL kept = views, seed ${seed}, step ${step}`).toEqual(await rollupsFromScratchOn(pgDb.all));
        expect(kept, `PostgreSQL = SQLite, seed ${seed}, step ${step}`).toEqual(keptRollups(sqlite));
        expect(keptRollups(sqlite), `SQLite kept = views, seed ${seed}, step ${step}`).toEqual(rollupsFromScratch(sqlite));
        expect(await pgDb.all(LEAD_PARTS), `lead_days parts, seed ${seed}, step ${step}`).toEqual(await sqliteDb.all(LEAD_PARTS));
        seen.failed += kept.failedChanges.length;
        seen.deliveries += kept.commitDeliveries.length;
        seen.leads += Object.keys(kept.leadDays).length;
      }
      sqlite.close();
    }
    expect(seen.failed).toBeGreaterThan(0);
    expect(seen.deliveries).toBeGreaterThan(0);
    expect(seen.leads).toBeGreaterThan(0);
    expect([...writes].sort()).toEqual(
      expect.arrayContaining(["commit linked", "commit unlinked", "deployment added", "deployment changed", "deployment deleted", "incident changed", "incident declared", "incident deleted", "many rows written"]),
    );
  }, 120_000);
});

/**
 * One random write of a kind the rollups depend on, as raw SQL valid on both engines (so through the
 * triggers only): deployments come, change and go, with commits linked and unlinked, commits' timestamps
 * move earlier, incidents blame, resolve and go. Times are around the epoch, so days are crossed, negative
 * ones included, and null now and then.
 */
async function randomWrite(db: Engine, r: Random): Promise<string> {
  const random = () => r.next();
  const pick = <T>(list: readonly T[]): T => r.pick(list);
  const ids = async (sql: string) => (await db.all(sql)).map((row) => row.id as number);
  const maybe = (list: number[]) => (random() < 0.4 || list.length === 0 ? null : pick(list));
  const when = () => (random() < 0.1 ? null : Math.floor((random() - 0.5) * 4 * DAY));
  const at = () => Math.floor((random() - 0.5) * 4 * DAY);
  const environments = ["production", "staging"] as const;
  const statuses = ["success", "success", "failure", "in_progress"] as const;
  const incidentStatuses = ["investigating", "resolved", "resolved"] as const;
  const shas = ["a", "b", "c", "d", "e", "f", "g"];

  // A commit is kept once per service with its earliest timestamp (written without an upsert, whose
  // rejected insert would still take an identity value on PostgreSQL and let the ids drift apart).
  async function commit(service: number, sha: string): Promise<number> {
    const timestamp = at();
    const [existing] = await db.all("select id from commits where service_id = ? and sha = ?", [service, sha]);
    if (!existing) return (await db.all("insert into commits (service_id, sha, timestamp) values (?, ?, ?) returning id", [service, sha, timestamp]))[0]!.id as number;
    await db.run("update commits set timestamp = ? where id = ? and timestamp > ?", [timestamp, existing.id as number, timestamp]);
    return existing.id as number;
  }
  const link = (deployment: number, commitId: number) => db.run("insert into deployment_commits (deployment_id, commit_id) values (?, ?) on conflict do nothing", [deployment, commitId]);

  const deployments = await ids("select id from deployments order by id");
  const incidents = await ids("select id from incidents order by id");
  const action = random();
  if (action < 0.25 || deployments.length === 0) {
    const service = pick([1, 2]);
    const [row] = await db.all(
      `insert into deployments (service_id, environment, status, finished_at, unplanned, change_failed, rollback_of_id, source, created_at, updated_at)
        values (?, ?, ?, ?, ?, ?, ?, 'test', 0, 0) returning id`,
      [service, pick(environments), pick(statuses), when(), random() < 0.2, random() < 0.15, random() < 0.3 ? maybe(deployments) : null],
    );
    for (const sha of shas.filter(() => random() < 0.3)) await link(row!.id as number, await commit(service, sha));
    return "deployment added";
  }
  if (action < 0.5) {
    const column = pick(["service_id", "environment", "status", "finished_at", "unplanned", "change_failed", "rollback_of_id"] as const);
    const value = { service_id: pick([1, 2]), environment: pick(environments), status: pick(statuses), finished_at: when(), unplanned: random() < 0.5, change_failed: random() < 0.5, rollback_of_id: maybe(deployments) }[column];
    await db.run(`update deployments set ${column} = ? where id = ?`, [value, pick(deployments)]);
    return "deployment changed";
  }
  if (action < 0.55) {
    // Only deployments nothing points at can go (the foreign keys say so); their links go with them.
    const free = await ids(`select id from deployments d where not exists (select 1 from deployments r where r.rollback_of_id = d.id)
      and not exists (select 1 from incidents i where i.caused_by_id = d.id) order by id`);
    if (!free.length) return "nothing";
    await db.run("delete from deployments where id = ?", [pick(free)]);
    return "deployment deleted";
  }
  if (action < 0.65) {
    const service = pick([1, 2]);
    await link(pick(deployments), await commit(service, pick(shas)));
    return "commit linked";
  }
  if (action < 0.7) {
    const links = await db.all("select deployment_id, commit_id from deployment_commits order by 1, 2");
    if (!links.length) return "nothing";
    const { deployment_id, commit_id } = pick(links);
    await db.run("delete from deployment_commits where deployment_id = ? and commit_id = ?", [deployment_id as number, commit_id as number]);
    return "commit unlinked";
  }
  if (action < 0.8 || incidents.length === 0) {
    const status = pick(incidentStatuses);
    await db.run(
      `insert into incidents (service_id, title, severity, status, started_at, resolved_at, caused_by_id, source, created_at, updated_at)
        values (1, 't', 'SEV2', ?, 0, ?, ?, 'test', 0, 0)`,
      [status, status === "resolved" && random() < 0.9 ? Math.floor(random() * DAY) : null, maybe(deployments)],
    );
    return "incident declared";
  }
  if (action < 0.9) {
    const column = pick(["caused_by_id", "status", "resolved_at"] as const);
    const value = { caused_by_id: maybe(deployments), status: pick(incidentStatuses), resolved_at: random() < 0.3 ? null : Math.floor(random() * DAY) }[column];
    await db.run(`update incidents set ${column} = ? where id = ?`, [value, pick(incidents)]);
    return "incident changed";
  }
  if (action < 0.93) {
    await db.run("delete from incidents where id = ?", [pick(incidents)]);
    return "incident deleted";
  }
  // Statements that write many rows at once: PostgreSQL runs AFTER row triggers at the statement's end,
  // SQLite after each row; the rollups must come out the same.
  const bulk = pick([
    () => db.run("update deployments set finished_at = finished_at + ? where service_id = ? and environment = ?", [Math.floor((random() - 0.5) * DAY), pick([1, 2]), pick(environments)]),
    () => db.run("update deployments set status = ? where id % 3 = ?", [pick(statuses), r.int(0, 2)]),
    () => db.run("update commits set timestamp = timestamp - ? where service_id = ?", [r.int(0, DAY), pick([1, 2])]),
    () => db.run("delete from deployment_commits where commit_id in (select id from commits where sha = ?)", [pick(shas)]),
  ]);
  await bulk();
  return "many rows written";
}
