import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import type * as schema from "./schema";

/**
 * What query functions run on: Drizzle's query builder, every query awaited (never `.all()`, `.get()` or
 * `.run()`, which exist only on synchronous drivers). Transactions are opened through `Database`, never
 * through the builder, so each engine decides how writers are serialised.
 */
export type Queryable = Omit<BetterSQLite3Database<typeof schema>, "transaction" | "$client">;

export type TransactionOptions = {
  /**
   * The work rewrites tables wholesale (rebuilding the rollups): SQLite keeps the pages it may have to
   * restore on disk for it, not in memory as for everyday writes. Ignored inside another transaction.
   */
  bulk?: boolean;
  /**
   * Transactions opened inside this one run as plain parts of it, without savepoints: a failure inside one
   * then fails the whole. For work that answers a failure by running again with savepoints (a group of
   * posts, lib/ingest/group-commit.ts): a savepoint costs two statements, and on PostgreSQL each is a
   * subtransaction. Ignored inside another transaction.
   */
  inline?: boolean;
};

/** Tells live views and caches that something was committed, by this process or any other. */
export interface ChangeFeed {
  /** Moves whenever anything commits; cheap enough to ask on every request. */
  version(): string;
  /** Called with the new version after commits; returns the unsubscribe function. */
  subscribe(listener: (version: string) => void): () => void;
}

/**
 * The port every part of Tandem talks to the data through: the app, the API, the CLI, the wall and the
 * tests. Engines implement it (db/sqlite/, db/postgres/); nothing outside db/ knows which one is running.
 */
export interface Database {
  readonly engine: "sqlite" | "postgres";
  /**
   * Reads: outside a transaction they see committed data only, never another caller's open transaction;
   * inside one (same async context) they go through it and see its writes.
   */
  readonly read: Queryable;
  /**
   * Runs `work` in one write transaction, committed when it resolves and rolled back when it throws.
   * Writers are serialised; a transaction opened inside another (same async context) is a savepoint of it
   * (or part of it, see `inline`), so use cases compose without knowing whether their caller already opened one.
   */
  transaction<T>(work: (tx: Queryable) => Promise<T>, options?: TransactionOptions): Promise<T>;
  /**
   * Runs `work` with reads that all see one snapshot of committed data, as it was when the call began,
   * whatever is committed meanwhile: for work that reads a whole database in many queries (a copy, paged
   * so its memory stays flat), whose rows must agree with each other. Reads only; writers go on.
   */
  snapshot<T>(work: (read: Queryable) => Promise<T>): Promise<T>;
  /**
   * Lets the work go on without waiting for statements whose answers it does not need (its last
   * inserts). PostgreSQL sends what follows right behind them, in the same round trip, and checks them
   * before COMMIT: should one fail, the whole transaction fails (what follows it in the same transaction
   * fails too, as "current transaction is aborted"). SQLite, whose statements have run by the time they
   * are called, settles them here. Outside a transaction it waits for them on both.
   */
  sendAhead(statements: readonly (Promise<unknown> | undefined)[]): Promise<void>;
  /** True inside `transaction`: what is read there may still roll back, so it must not be cached. */
  inTransaction(): boolean;
  /**
   * Whether an error thrown inside a nested transaction ended or doomed the whole transaction, not only
   * the savepoint (a full disk on SQLite, a lost race on PostgreSQL, which runs the whole one again): a
   * caller that turns a nested failure into an answer must rethrow these instead.
   */
  endsTransaction(error: unknown): boolean;
  readonly changes: ChangeFeed;
  close(): Promise<void>;
}
