import type { Db } from "@/db/client";
import { dataVersion } from "@/db/queries/data-version";

type Listener = (version: string) => void;

const POLL_MS = 250;

/**
 * One watcher per process tells every open live connection when anything was written. It reads the
 * data version (two tiny queries) four times a second and only while someone listens, so writes from
 * this server, the CLI or another server all reach the walls within a quarter of a second.
 */
class ChangeWatcher {
  private readonly listeners = new Set<Listener>();
  private timer: NodeJS.Timeout | undefined;
  private version = "";

  constructor(private readonly db: Db) {}

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    if (!this.timer) {
      this.version = dataVersion(this.db);
      this.timer = setInterval(() => this.poll(), POLL_MS);
      this.timer.unref();
    }
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0 && this.timer) {
        clearInterval(this.timer);
        this.timer = undefined;
      }
    };
  }

  current(): string {
    return this.timer ? this.version : dataVersion(this.db);
  }

  private poll() {
    const version = dataVersion(this.db);
    if (version === this.version) return;
    this.version = version;
    for (const listener of [...this.listeners]) listener(version);
  }
}

const watchers = new WeakMap<Db, ChangeWatcher>();

export function changeWatcher(db: Db): ChangeWatcher {
  let watcher = watchers.get(db);
  if (!watcher) watchers.set(db, (watcher = new ChangeWatcher(db)));
  return watcher;
}
