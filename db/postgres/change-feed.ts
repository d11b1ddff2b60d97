import pg from "pg";
import type { ChangeFeed } from "../database";

/** The channel every committed write transaction notifies (in the transaction, so only commits are heard). */
export const CHANGES_CHANNEL = "tandem_changes";

const RECONNECT_MIN_MS = 250;
const RECONNECT_MAX_MS = 5_000;

/**
 * PostgreSQL's change feed: one connection LISTENs on CHANGES_CHANNEL, which every write transaction of
 * every server NOTIFYs on commit. The version counts what was heard, plus this process's own commits
 * the moment they return (the notification of one's own commit arrives a little later, and a cache
 * asked in between must already be stale). While the listening connection is lost, writes elsewhere go
 * unheard: on reconnecting the version moves once, so every cache and live view refreshes.
 */
export class PostgresChangeFeed implements ChangeFeed {
  private readonly listeners = new Set<(version: string) => void>();
  private heard = 0;
  private own = 0;
  private client: pg.Client | undefined;
  private retryMs = RECONNECT_MIN_MS;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private connecting: Promise<void> | undefined;

  constructor(private readonly config: pg.ClientConfig) {}

  version(): string {
    return `${this.own}:${this.heard}`;
  }

  /** Called by the engine after each of its own commits. */
  committed(): void {
    this.own++;
    this.emit();
  }

  subscribe(listener: (version: string) => void): () => void {
    this.listeners.add(listener);
    void this.start();
    return () => this.listeners.delete(listener);
  }

  /** Listens from now on; resolves once the first LISTEN is in place (or failed, then retried in the background). */
  start(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    this.connecting ??= this.connect();
    return this.connecting;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new pg.Client(this.config);
    // An error on an idle client ends it; "end" below schedules the reconnect.
    client.on("error", () => undefined);
    client.on("end", () => this.lost(client));
    client.on("notification", (message) => {
      if (message.channel !== CHANGES_CHANNEL) return;
      this.heard++;
      this.emit();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANGES_CHANNEL}`);
    } catch {
      await client.end().catch(() => undefined);
      this.lost(client);
      return;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    const reconnected = this.client === undefined && this.retryMs !== RECONNECT_MIN_MS;
    this.client = client;
    this.retryMs = RECONNECT_MIN_MS;
    // What was written while nobody listened is unknown: call it one change.
    if (reconnected) {
      this.heard++;
      this.emit();
    }
  }

  private lost(client: pg.Client) {
    if (this.client && this.client !== client) return;
    this.client = undefined;
    if (this.stopped || this.timer) return;
    const wait = this.retryMs;
    this.retryMs = Math.min(this.retryMs * 2, RECONNECT_MAX_MS);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.connecting = this.connect();
    }, wait);
    this.timer.unref();
  }

  private emit() {
    const version = this.version();
    for (const listener of [...this.listeners]) listener(version);
  }
}
