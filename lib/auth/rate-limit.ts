/**
 * A fixed-window counter per key (e.g. client address + email for sign-in): enough to make password
 * guessing slow without a shared store, since one process serves the embedded database.
 */
export class RateLimiter {
  private readonly hits = new Map<string, { windowStart: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts an attempt; returns the seconds to wait when over the limit, else 0. */
  attempt(key: string): number {
    const t = this.now();
    const entry = this.hits.get(key);
    if (!entry || t - entry.windowStart >= this.windowMs) {
      this.hits.set(key, { windowStart: t, count: 1 });
      this.prune(t);
      return 0;
    }
    entry.count++;
    if (entry.count <= this.limit) return 0;
    return Math.ceil((entry.windowStart + this.windowMs - t) / 1000);
  }

  private prune(t: number) {
    if (this.hits.size < 10_000) return;
    for (const [key, entry] of this.hits) if (t - entry.windowStart >= this.windowMs) this.hits.delete(key);
  }
}
