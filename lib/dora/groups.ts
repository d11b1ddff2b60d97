import type { DeliveredFacts, LeadFacts } from "@/db/queries/metric-facts";
import type { DeploymentAggregateRow, PercentileRow } from "@/db/queries/metrics";

/*
 * Every figure is produced for three kinds of group at once: the whole window ("all"), each ISO week
 * ("w:<monday ms>") and each service ("s:<service id>"), so the overview, its trend charts and its
 * per-service table come from one pass over the facts.
 */

const DAY_MS = 86_400_000;

/** Monday 00:00 UTC (ms) of the ISO week holding a UTC day number; 1970-01-05, day 4, was a Monday. */
export const weekOfDay = (day: number) => (Math.floor((day - 4) / 7) * 7 + 4) * DAY_MS;

/** The k-th smallest value (0-based) of a[from..], moving values around in place (Hoare's selection). */
function select(a: Float64Array, k: number, from = 0): number {
  let lo = from;
  let hi = a.length - 1;
  while (hi > lo) {
    const pivot = a[(lo + hi) >>> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i++] = a[j]!;
        a[j--] = t;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k]!;
  }
  return a[k]!;
}

/** The smallest value of a[from..]. */
function minFrom(a: Float64Array, from: number): number {
  let m = Infinity;
  for (let i = from; i < a.length; i++) if (a[i]! < m) m = a[i]!;
  return m;
}

/**
 * Median and 90th percentile interpolated linearly between ranks, exactly as SQL's PERCENTILE_CONT:
 * rank p·(n−1), with integer arithmetic for the rank so no float rounding picks the wrong value.
 */
export function percentiles(values: Float64Array): { n: number; sum: number; p50: number; p90: number } {
  const n = values.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i]!;
  const at = (numerator: number, denominator: number) => {
    const rank = Math.floor((numerator * (n - 1)) / denominator);
    const frac = ((numerator * (n - 1)) % denominator) / denominator;
    const lo = select(values, rank);
    return frac === 0 ? lo : lo + (minFrom(values, rank + 1) - lo) * frac;
  };
  // The 90th first: selecting it leaves everything below it to the left, where the median is.
  const p90 = at(9, 10);
  const p50 = at(1, 2);
  return { n, sum, p50, p90 };
}

/** Values bucketed into the three kinds of group, then summarised. */
export function percentilesByGroup(facts: { service: number[]; day: number[] }, value: (i: number) => number | null): PercentileRow[] {
  const buckets = new Map<string, number[]>();
  const add = (g: string, v: number) => {
    let list = buckets.get(g);
    if (!list) buckets.set(g, (list = []));
    list.push(v);
  };
  for (let i = 0; i < facts.service.length; i++) {
    const v = value(i);
    if (v === null) continue;
    add("all", v);
    add(`w:${weekOfDay(facts.day[i]!)}`, v);
    add(`s:${facts.service[i]}`, v);
  }
  return [...buckets].map(([g, list]) => ({ g, ...percentiles(Float64Array.from(list)) }));
}

/** Lead time for changes per group (seconds). */
export function leadTimeGroups(facts: LeadFacts): PercentileRow[] {
  return percentilesByGroup(facts, (i) => facts.ms[i]! / 1000);
}

/** Failed deployment recovery time per group (seconds), over the failed changes that recovered. */
export function recoveryGroups(facts: DeliveredFacts): PercentileRow[] {
  return percentilesByGroup(facts, (i) => (facts.failed[i] && facts.recoveryMs[i] !== null ? facts.recoveryMs[i]! / 1000 : null));
}

/** Counts per group: |D|, distinct UTC days, failed changes (and how many recovered), rework. */
export function deploymentGroups(facts: DeliveredFacts): DeploymentAggregateRow[] {
  const groups = new Map<string, DeploymentAggregateRow & { days: Set<number> }>();
  const add = (g: string, i: number) => {
    let row = groups.get(g);
    if (!row) groups.set(g, (row = { g, deployments: 0, deployDays: 0, failed: 0, recovered: 0, rework: 0, days: new Set() }));
    row.deployments++;
    row.days.add(facts.day[i]!);
    if (facts.failed[i]) {
      row.failed++;
      if (facts.recoveryMs[i] !== null) row.recovered++;
    }
    if (facts.rework[i]) row.rework++;
  };
  for (let i = 0; i < facts.service.length; i++) {
    add("all", i);
    add(`w:${weekOfDay(facts.day[i]!)}`, i);
    add(`s:${facts.service[i]}`, i);
  }
  return [...groups.values()].map(({ days, ...row }) => ({ ...row, deployDays: days.size }));
}
