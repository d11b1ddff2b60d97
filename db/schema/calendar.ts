/**
 * The UTC day: the rollups (deployment_days, lead_days) are keyed by day number, whole days since the
 * epoch, rounded down for any sign. Every window that is split into days is split with these.
 */
export const DAY_MS = 86_400_000;

export function utcDay(ms: number): number {
  return Math.floor(ms / DAY_MS);
}
