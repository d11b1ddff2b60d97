import type BetterSqlite from "better-sqlite3";
import type { ChangeFeed } from "../database";

const POLL_MS = 250;

/**
 * SQLite's change feed: `PRAGMA data_version` moves when another connection (this server's writer, the
 * CLI, a second server) commits, and `total_changes()` counts the reading connection's own writes (an
 * in-memory database has only one). Two tiny reads, polled four times a second and only while someone
 * listens, so a write anywhere reaches every open wall within a quarter of a second.
 */
export class SqliteChangeFeed implements ChangeFeed {
  private readonly listeners = new Set<(version: string) => void>();
  private readonly ownChanges: BetterSqlite.Statement<[], { n: number }>;
  private timer: NodeJS.Timeout | undefined;
  private last = "";

  constructor(private readonly sqlite: BetterSqlite.Database) {
    // Compiled outside the shared statement cache (db/sqlite/statement-cache.ts), which resets row modes.
    this.ownChanges = sqlite.prepare<[], { n: number }>("select total_changes() as n");
  }

  version(): string {
    return `${this.sqlite.pragma("data_version", { simple: true })}:${this.ownChanges.get()!.n}`;
  }

  subscribe(listener: (version: string) => void): () => void {
    this.listeners.add(listener);
    if (!this.timer) {
      this.last = this.version();
      this.timer = setInterval(() => this.poll(), POLL_MS);
      this.timer.unref();
    }
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stop();
    };
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  private poll() {
    const version = this.version();
    if (version === this.last) return;
    this.last = version;
    for (const listener of [...this.listeners]) listener(version);
  }
}
