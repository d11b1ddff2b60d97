import fs from "node:fs";

/**
 * How long after a commit the WAL is flushed to disk in the background. Single posts on the 1M database,
 * in-process, alternating runs: every 20-100 ms cut the checkpoints' share of the commits' time from
 * ~400 ms to 75-110 ms per 8,000 posts (200 ms: 150); 50 ms flushes some 20 times a second under load.
 */
export const WAL_FLUSH_DELAY_MS = 50;

type Sync = (fd: number, done: (error: NodeJS.ErrnoException | null) => void) => void;

/**
 * Flushes the writer's WAL to disk in the background, on libuv's thread pool, a moment after commits.
 * With `synchronous = NORMAL` a commit writes its pages into the WAL without syncing, and the checkpoint
 * (every WAL_CHECKPOINT_PAGES) first fsyncs the whole WAL: tens of megabytes that the kernel had kept in
 * memory, written while the one thread that serves every request waits (~45 ms each, 11 % of single posts'
 * time on the 1M database). Flushed here as it grows, the checkpoint's own fsync finds little left to
 * write. Durability is SQLite's unchanged: it still syncs where it did; this only moves the disk's work
 * earlier and off the event loop. Errors are left to SQLite's own fsync, which reports them.
 */
export class WalFlusher {
  private fd: number | undefined;
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> | undefined;
  private closed = false;

  constructor(
    private readonly walFile: string,
    private readonly delayMs = WAL_FLUSH_DELAY_MS,
    private readonly sync: Sync = fs.fdatasync,
  ) {}

  /** A transaction has committed: the WAL is flushed within `delayMs`, once for all commits until then. */
  committed(): void {
    if (this.closed || this.timer) return;
    this.timer = setTimeout(() => this.flush(), this.delayMs);
    // A CLI command's last commit must not keep its process alive.
    this.timer.unref();
  }

  private flush(): void {
    this.timer = undefined;
    // One at a time: commits during a flush ask for the next one.
    if (this.flushing) return this.committed();
    try {
      // The WAL holds no locks (those are on the database and -shm files), so a descriptor of our own
      // cannot release SQLite's the way a second descriptor on the database file would.
      this.fd ??= fs.openSync(this.walFile, "r");
    } catch {
      // No WAL (yet): nothing to flush.
      return;
    }
    const fd = this.fd;
    this.flushing = new Promise<void>((settled) => this.sync(fd, () => settled())).then(() => {
      this.flushing = undefined;
    });
  }

  /** Stops flushing; resolves once a flush under way has ended and the descriptor is closed. */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.flushing;
    if (this.fd !== undefined) fs.closeSync(this.fd);
    this.fd = undefined;
  }
}
