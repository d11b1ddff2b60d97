import type Database from "better-sqlite3";
import type { Db } from "../client";

type Probe = { own: Database.Statement<[], number>; sqlite: Database.Database };
const probes = new WeakMap<Database.Database, Probe>();

/**
 * A value that changes whenever anything commits a write to the database: `total_changes()` counts this
 * connection's row changes, `PRAGMA data_version` moves when another connection (the CLI, a second
 * server) commits. Two cheap reads, so a cache can ask on every request.
 */
export function dataVersion(db: Db): string {
  const sqlite = db.$client;
  let probe = probes.get(sqlite);
  if (!probe) {
    probe = { own: sqlite.prepare<[], number>("select total_changes()").pluck(), sqlite };
    probes.set(sqlite, probe);
  }
  return `${sqlite.pragma("data_version", { simple: true })}:${probe.own.get()}`;
}

/** Inside a transaction the connection sees writes that may still roll back: nothing read there may be cached. */
export function inTransaction(db: Db): boolean {
  return db.$client.inTransaction;
}
