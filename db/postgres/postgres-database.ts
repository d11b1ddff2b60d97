import { AsyncLocalStorage } from "node:async_hooks";
import path from "node:path";
import type { SQL } from "drizzle-orm";
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import type { Database, Queryable, TransactionOptions } from "../database";
import { ENGINE } from "../dialect";
import { CoalescingSocket } from "./coalescing-socket";
import { CHANGES_CHANNEL, PostgresChangeFeed } from "./change-feed";
import { together } from "../together";
import { sqliteShaped } from "./rows";
import "./types";

const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "postgres", "migrations");

/** Any fixed number: every Tandem server takes the same lock to migrate and prepare the database. */
const STARTUP_LOCK = 7_216_301;
/** Another: held by the one write transaction running at a time, across every server on the database. */
const WRITER_LOCK = 7_216_302;

/** serialization_failure and deadlock_detected: the transaction lost a race and may simply run again. */
const RETRYABLE = new Set(["40001", "40P01"]);
const MAX_ATTEMPTS = 12;

export type PostgresOptions = {
  /** Connections in this server's pool (TANDEM_DB_POOL). */
  poolSize?: number;
  /** statement_timeout for every statement, in ms (TANDEM_DB_TIMEOUT_MS). */
  statementTimeoutMs?: number;
};

/** The PostgreSQL engine's Database, with what only it has. */
export type PostgresDatabase = Database & {
  readonly engine: "postgres";
  readonly pool: pg.Pool;
  /** Drizzle on the pool, for a library that brings its own queries (better-auth's adapter). */
  readonly drizzle: NodePgDatabase;
  /** Applies the migrations not yet applied; inside `alone`, so that servers starting together apply them once. */
  migrate(): Promise<void>;
  /** Runs `work` while no other Tandem process is migrating or preparing this database (a lock on the server). */
  alone<T>(work: () => Promise<T>): Promise<T>;
};

/**
 * An open write transaction: its connection, Drizzle on it, the statements sent ahead without waiting (a
 * savepoint's RELEASE, what the work sends ahead), whose errors COMMIT must not miss, and whether
 * transactions opened inside run as part of it, without savepoints (TransactionOptions.inline).
 */
type Open = { tx: Queryable; client: pg.PoolClient; savepoints: number; ahead: Promise<unknown>[]; inline: boolean };

/**
 * Query modules are written once, against the SQLite schema's types (db/schema); the same Drizzle calls
 * build PostgreSQL's SQL here, because the twin schema (db/postgres/schema) has the same names and stores
 * values the SQLite column codecs read and write unchanged (epoch ms in bigint, booleans, JSON as text).
 * Raw SQL goes through all/get/run (db/raw.ts), which Drizzle's PostgreSQL database lacks: added here.
 */
function asQueryable(database: NodePgDatabase | Parameters<Parameters<NodePgDatabase["transaction"]>[0]>[0]): Queryable {
  const raw = {
    all: async (query: SQL) => sqliteShaped((await database.execute(query)).rows),
    get: async (query: SQL) => sqliteShaped((await database.execute(query)).rows)[0],
    run: async (query: SQL) => {
      await database.execute(query);
    },
  };
  return new Proxy(database, {
    get: (target, property, receiver) => {
      if (property === ENGINE) return "postgres";
      return Object.hasOwn(raw, property) ? raw[property as keyof typeof raw] : (Reflect.get(target, property, receiver) as unknown);
    },
  }) as unknown as Queryable;
}

/** The error and the errors it wraps (Drizzle wraps the driver's), with their codes. */
function* codesOf(error: unknown): Generator<{ code: unknown; error: object }> {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) yield { code: (e as { code?: unknown }).code, error: e };
}

function isRetryable(error: unknown): boolean {
  for (const { code } of codesOf(error)) if (typeof code === "string" && RETRYABLE.has(code)) return true;
  return false;
}

/** A statement of the transaction failed where nothing rolled it back (one sent ahead): all that follows fails. */
function isAborted(error: unknown): boolean {
  for (const { code } of codesOf(error)) if (code === "25P02") return true;
  return false;
}

/** The connection went (database restarted, network): the transaction on it is gone too. */
function isConnectionLost(error: unknown): boolean {
  for (const { code, error: e } of codesOf(error)) {
    if (typeof code === "string" && (code.startsWith("08") || code === "57P01" || code === "ECONNRESET" || code === "ECONNREFUSED")) return true;
    if (e instanceof Error && /Connection terminated/i.test(e.message)) return true;
  }
  return false;
}

/** A statement of the open transaction not waited for: its failure is thrown before COMMIT (`attempt`). */
function goesAhead(open: Open, statement: PromiseLike<unknown>): void {
  // Adopted once: a Drizzle query is a thenable that runs again each time it is awaited.
  const sent = Promise.resolve(statement);
  // Observed before COMMIT; until then its failure must not count as unhandled (which ends the process).
  sent.catch(() => undefined);
  open.ahead.push(sent);
}

/** A statement sent with the extended protocol even without parameters: corked, it leaves with its neighbours (CoalescingSocket). */
function extended(text: string, values?: unknown[]): pg.QueryConfig {
  return { text, values, queryMode: "extended" } as pg.QueryConfig;
}

/** Waits a little longer each time, and differently in each racer, so two that collided don't collide again. */
function backoff(attempt: number): Promise<void> {
  const ms = Math.min(2 ** attempt, 50) * (0.5 + Math.random());
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Opens a pool on a PostgreSQL database. Write transactions run one at a time across every server, as
 * SQLite's single writer runs them: each takes an advisory lock before its BEGIN, so its snapshot already
 * holds the previous writer's commit. Two write transactions at once on overlapping rows (the day's
 * rollups, the newest index pages) fail SERIALIZABLE's checks most of the time: four clients posting
 * deployments to two servers saw a third of all transactions roll back, about 100 posts/s, and groups
 * that still failed after twelve tries. Taken one by one, they commit at the first attempt. They are
 * still SERIALIZABLE and still run again when they lose a race (serialization failure, deadlock), which a
 * writer outside Tandem, or one whose lock went with its lost connection, can cause: every rule that
 * SQLite's single writer keeps (the idempotency of externalId, approvals, the incident state machine, the
 * rollup triggers) holds the same way across any number of servers, without a lock per rule. So `work`
 * must do nothing but database work that can be repeated; effects outside the database happen after it
 * returns. Reads outside a transaction take no lock.
 */
export function openPostgresDatabase(url: string, options: PostgresOptions = {}): PostgresDatabase {
  const connection: pg.ClientConfig = {
    connectionString: url,
    application_name: "tandem",
    ...(options.statementTimeoutMs ? { statement_timeout: options.statementTimeoutMs } : {}),
  };
  const pool = new pg.Pool({ ...connection, max: options.poolSize ?? 10, pipeline: true, stream: () => new CoalescingSocket() });
  // A connection that dies idle (database restarted) is dropped from the pool; the next query opens another.
  pool.on("error", () => undefined);
  const db = drizzle({ client: pool });
  const reader = asQueryable(db);
  const context = new AsyncLocalStorage<Open>();
  const changes = new PostgresChangeFeed(connection);
  const onConnection = new WeakMap<pg.PoolClient, NodePgDatabase>();
  /** Drizzle on one of the pool's connections, made once for each. */
  const drizzleOn = (client: pg.PoolClient): NodePgDatabase => {
    let on = onConnection.get(client);
    if (!on) onConnection.set(client, (on = drizzle({ client })));
    return on;
  };
  // This server's writers queue here, so only one at a time holds a connection waiting for the lock.
  let writers: Promise<unknown> = Promise.resolve();
  let closed = false;

  /**
   * One attempt, on a connection of its own that holds the writer lock from before BEGIN to after COMMIT.
   * The pool's connections pipeline (pg's `pipeline` option): statements that do not wait for each other
   * go out together, so the lock and BEGIN take one round trip, and NOTIFY, COMMIT and the unlock
   * another. Every round trip is spent holding the lock, which all servers' writers queue for.
   */
  async function attempt<T>(work: (tx: Queryable) => Promise<T>, inline: boolean): Promise<T> {
    const client = await pool.connect();
    // A connection that failed may still hold the lock: it leaves the pool, which ends it, and the lock with it.
    let lost: Error | undefined;
    try {
      // BEGIN runs once the lock is granted, so its snapshot already holds the previous writer's commit.
      await together([client.query(extended("select pg_advisory_lock($1)", [WRITER_LOCK])), client.query(extended("begin isolation level serializable"))]).catch((error: Error) => {
        // One may have taken effect without the other (the lock's wait timed out, BEGIN ran): the connection goes.
        lost = error;
        throw error;
      });
      const open: Open = { tx: asQueryable(drizzleOn(client)), client, savepoints: 0, ahead: [], inline };
      try {
        const value = await context.run(open, () => work(open.tx));
        await together(open.ahead);
        // Delivered at commit, and only if it commits: every server's feed hears of it.
        await together([
          client.query(extended("select pg_notify($1, '')", [CHANGES_CHANNEL])),
          client.query(extended("commit")),
          client.query(extended("select pg_advisory_unlock($1)", [WRITER_LOCK])),
        ]);
        return value;
      } catch (error) {
        // Never thrown: the error that ended the work is the one to report.
        await together([client.query(extended("rollback")), client.query(extended("select pg_advisory_unlock($1)", [WRITER_LOCK]))]).catch((e: Error) => (lost = e));
        // Unless a statement sent ahead failed first (`together` names the first, in order): what followed
        // it failed only because it had.
        throw await together(open.ahead).then(
          () => error,
          (failure: unknown) => failure,
        );
      }
    } catch (error) {
      if (isConnectionLost(error)) lost = error as Error;
      throw error;
    } finally {
      client.release(lost);
    }
  }

  /** A savepoint of the open transaction, sent ahead of the work's first statement and released without waiting. */
  async function savepoint<T>(open: Open, work: (tx: Queryable) => Promise<T>): Promise<T> {
    const name = `tandem_${++open.savepoints}`;
    const opened = open.client.query(extended(`savepoint ${name}`));
    // Observed below; until then its failure must not count as unhandled (which ends the process).
    opened.catch(() => undefined);
    try {
      const value = await work(open.tx);
      await opened;
      goesAhead(open, open.client.query(extended(`release savepoint ${name}`)));
      return value;
    } catch (error) {
      // A failed SAVEPOINT fails the work's statements behind it; the rollback then fails too, and says why.
      await together([opened.catch(() => undefined), open.client.query(extended(`rollback to savepoint ${name}`))]);
      throw error;
    }
  }

  async function outermost<T>(work: (tx: Queryable) => Promise<T>, inline: boolean): Promise<T> {
    for (let tries = 1; ; tries++) {
      try {
        const turn = writers.then(() => attempt(work, inline));
        writers = turn.catch(() => undefined);
        const result = await turn;
        changes.committed();
        return result;
      } catch (error) {
        if (tries >= MAX_ATTEMPTS || !isRetryable(error)) throw error;
        await backoff(tries);
      }
    }
  }

  const database: PostgresDatabase = {
    engine: "postgres",
    pool,
    drizzle: db,
    get read() {
      return context.getStore()?.tx ?? reader;
    },
    // A bulk transaction needs nothing different here: PostgreSQL keeps its undo in the table itself.
    transaction: <T>(work: (tx: Queryable) => Promise<T>, options?: TransactionOptions): Promise<T> => {
      const outer = context.getStore();
      if (!outer) return outermost(work, options?.inline ?? false);
      if (outer.inline) return work(outer.tx);
      // A lost race still fails the outermost transaction, which runs again.
      return savepoint(outer, work);
    },
    snapshot: async <T>(work: (read: Queryable) => Promise<T>): Promise<T> => {
      const client = await pool.connect();
      let lost: Error | undefined;
      try {
        // The first statement takes the snapshot, which REPEATABLE READ keeps for the whole transaction.
        await together([client.query(extended("begin isolation level repeatable read read only")), client.query(extended("select 1"))]);
        const value = await work(asQueryable(drizzleOn(client)));
        await client.query(extended("commit"));
        return value;
      } catch (error) {
        await client.query(extended("rollback")).catch((e: Error) => (lost = e));
        throw error;
      } finally {
        client.release(lost);
      }
    },
    inTransaction: () => context.getStore() !== undefined,
    sendAhead: async (statements) => {
      const open = context.getStore();
      if (!open) return void (await together(statements));
      for (const statement of statements) if (statement) goesAhead(open, statement);
    },
    endsTransaction: (error) => isRetryable(error) || isConnectionLost(error) || isAborted(error),
    changes,
    migrate: () => migrate(db, { migrationsFolder: MIGRATIONS_FOLDER }),
    alone: async <T>(work: () => Promise<T>): Promise<T> => {
      // Its own connection, not one of the pool's: the work needs the pool, which may have only one.
      const client = new pg.Client(connection);
      client.on("error", () => undefined);
      await client.connect();
      try {
        // Session-level: held while the work (on other connections) runs, released even if it throws.
        await client.query("select pg_advisory_lock($1)", [STARTUP_LOCK]);
        try {
          return await work();
        } finally {
          await client.query("select pg_advisory_unlock($1)", [STARTUP_LOCK]);
        }
      } finally {
        await client.end();
      }
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await changes.stop();
      await pool.end();
    },
  };
  return database;
}
