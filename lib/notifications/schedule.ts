/**
 * When a failed message is tried again: 5 s after the first failure, then four times longer each time up to
 * six hours between attempts, until the attempts span more than a day; after the last one it is given up.
 * Deterministic (no jitter): each message already fails at its own moment, and tests pin the schedule.
 */
const FIRST_RETRY_MS = 5_000;
const FACTOR = 4;
const LONGEST_WAIT_MS = 6 * 3_600_000;
/** At least 24 h of retrying, as CONTRACT.md promises. */
export const RETRY_SPAN_MS = 24 * 3_600_000;

/** The wait after the `failures`-th failed attempt (1-based), or null when it was the last one. */
export function retryDelayMs(failures: number): number | null {
  let waited = 0;
  for (let n = 1; ; n++) {
    const wait = Math.min(FIRST_RETRY_MS * FACTOR ** (n - 1), LONGEST_WAIT_MS);
    if (n === failures) return waited >= RETRY_SPAN_MS ? null : wait;
    waited += wait;
  }
}

/** Every wait in order: the whole schedule, for the docs and the tests. */
export function retrySchedule(): number[] {
  const waits: number[] = [];
  for (let n = 1; ; n++) {
    const wait = retryDelayMs(n);
    if (wait === null) return waits;
    waits.push(wait);
  }
}
