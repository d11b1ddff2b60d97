import type { Metrics } from "./metrics";

/**
 * How a figure moved against the previous period of the same length, and whether that is good: by
 * `value` whole percentage points ("pp") or per cent ("%"); the words are the reader's language's.
 */
export type Change = { direction: "up" | "down" | "flat"; value: number; unit: "pp" | "%"; better: boolean | null } | null;

/**
 * `kind: "ratio"` compares in percentage points (12 % → 15 % is +3 pp); other figures by relative
 * change. Null when either side is unmeasured, or the previous value is 0 for a relative change.
 */
export function compare(current: number | null, previous: number | null, higherIsBetter: boolean, kind: "ratio" | "relative"): Change {
  if (current === null || previous === null) return null;
  const delta = current - previous;
  if (kind === "relative" && previous === 0) return null;
  const magnitude = kind === "ratio" ? Math.abs(delta) * 100 : (Math.abs(delta) / previous) * 100;
  const rounded = Math.round(magnitude);
  const unit = kind === "ratio" ? "pp" : "%";
  if (rounded === 0) return { direction: "flat", value: 0, unit, better: null };
  const direction = delta > 0 ? "up" : "down";
  return { direction, value: rounded, unit, better: delta > 0 === higherIsBetter };
}

/**
 * Every figure against the previous period, each judged its own way: more deployments are better, shorter
 * times and lower rates are; rates move in percentage points, the rest relatively.
 */
export function periodChanges(m: Metrics, p: Metrics) {
  return {
    deploymentFrequency: compare(m.deploymentFrequency.perDay, p.deploymentFrequency.perDay, true, "relative"),
    leadTime: compare(m.leadTime.medianSeconds, p.leadTime.medianSeconds, false, "relative"),
    changeFailureRate: compare(m.changeFailureRate.rate, p.changeFailureRate.rate, false, "ratio"),
    recoveryTime: compare(m.recoveryTime.medianSeconds, p.recoveryTime.medianSeconds, false, "relative"),
    reworkRate: compare(m.reworkRate.rate, p.reworkRate.rate, false, "ratio"),
    timeToRestore: compare(m.timeToRestore.medianSeconds, p.timeToRestore.medianSeconds, false, "relative"),
  };
}
