/**
 * The server's "now" as seen from a browser, for relative times: one clock per page, whatever the
 * device's clock says, ticking on one timer however many times subscribe to it.
 *
 * A page brings the moment the server rendered it; `calibrate` takes the offset between that and the
 * browser's clock. The page left the server before it arrived, so every measurement puts the server a
 * little behind; the largest offset seen is the closest one, and a page replayed from a cache (an
 * older server time) cannot pull the clock back.
 */
export type ServerClock = {
  calibrate(serverNow: number): void;
  subscribe(listener: () => void): () => void;
  /** The server's time at the last tick: stable between ticks, as React's external stores need. */
  snapshot(): number;
};

export function createServerClock({ tickMs, local = () => Date.now() }: { tickMs: number; local?: () => number }): ServerClock {
  let offset: number | null = null;
  let current: number | null = null;
  let timer: ReturnType<typeof setInterval> | undefined;
  const listeners = new Set<() => void>();
  const read = () => local() + (offset ?? 0);
  const tick = () => {
    current = read();
    for (const listener of listeners) listener();
  };
  return {
    calibrate(serverNow) {
      const measured = serverNow - local();
      if (offset !== null && measured <= offset) return;
      offset = measured;
      current = read();
    },
    subscribe(listener) {
      listeners.add(listener);
      if (listeners.size === 1) {
        current = read();
        timer = setInterval(tick, tickMs);
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) clearInterval(timer);
      };
    },
    snapshot() {
      current ??= read();
      return current;
    },
  };
}
