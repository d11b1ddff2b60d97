import type Database from "better-sqlite3";
import type { Db } from "../client";

// Plain rows, no pluck(): the statement cache (db/statement-cache.ts) resets modes when it hands a statement out again.
const probes = new WeakMap<Database.Database, Database.Statement<[], { n: number }>>();

/**
 * A value that changes whenever anything commits a write to the database: `total_changes()` counts this
 * connection's row changes, `PRAGMA data_version` moves when another connection (the CLI, a second
 * server) commits. Two cheap reads, so a cache can ask on every request.
 */
export function dataVersion(db: Db): string {
  const sqlite = db.$client;
  let ownChanges = probes.get(sqlite);
  if (!ownChanges) {
    ownChanges = sqlite.prepare<[], { n: number }>("select total_changes() as n");
    probes.set(sqlite, ownChanges);
  }
  return `${sqlite.pragma("data_version", { simple: true })}:${ownChanges.get()!.n}`;
}

/** Inside a transaction the connection sees writes that may still roll back: nothing read there may be cached. */
export function inTransaction(db: Db): boolean {
  return db.$client.inTransaction;
}
