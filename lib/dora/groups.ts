import type { DeliveredFacts, LeadFacts } from "@/db/queries/metric-facts";
import type { DeploymentAggregateRow, PercentileRow } from "@/db/queries/metrics";
import { DAY_MS } from "@/lib/time";

/*
 * Every figure is produced for three kinds of group at once: the whole window ("all"), each ISO week
 * ("w:<monday ms>") and each service ("s:<service id>"), so the overview, its trend charts and its
 * per-service table come from one pass over the facts.
 */

const WEEK_MS = 7 * DAY_MS;
/** 1970-01-05 was a Monday: weeks start 4 days after the epoch. */
const MONDAY_MS = 4 * DAY_MS;

/** Monday 00:00 UTC (ms) of the ISO week holding an instant. */
export const mondayOf = (ms: number) => Math.floor((ms - MONDAY_MS) / WEEK_MS) * WEEK_MS + MONDAY_MS;

/** The same for a UTC day number. */
export const weekOfDay = (day: number) => mondayOf(day * DAY_MS);

/** The k-th smallest value (0-based) of a, moving values around in place (Hoare's selection). */
function select(a: Float64Array, k: number): number {
  let lo = 0;
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

type Slot = { count: number; list: Float64Array; filled: number };

/** Slots per numeric key (a week's Monday, a service id), remembering the last key: facts come in runs. */
class Slots {
  readonly map = new Map<number, Slot>();
  private lastKey = NaN;
  private last: Slot | undefined;

  at(key: number): Slot {
    if (key === this.lastKey) return this.last!;
    let slot = this.map.get(key);
    if (!slot) this.map.set(key, (slot = { count: 0, list: new Float64Array(0), filled: 0 }));
    this.lastKey = key;
    this.last = slot;
    return slot;
  }

  allocate() {
    for (const slot of this.map.values()) slot.list = new Float64Array(slot.count);
  }
}

/**
 * Values bucketed into the three kinds of group, then summarised. Two passes (count, then fill typed
 * arrays of the exact size) keep a few hundred thousand values cheap.
 */
export function percentilesByGroup(facts: { service: number[]; day: number[] }, value: (i: number) => number | null): PercentileRow[] {
  const n = facts.service.length;
  const values = new Float64Array(n);
  const keep = new Uint8Array(n);
  const weeks = new Slots();
  const services = new Slots();
  let kept = 0;
  for (let i = 0; i < n; i++) {
    const v = value(i);
    if (v === null) continue;
    values[i] = v;
    keep[i] = 1;
    kept++;
    weeks.at(weekOfDay(facts.day[i]!)).count++;
    services.at(facts.service[i]!).count++;
  }
  if (kept === 0) return [];
  weeks.allocate();
  services.allocate();
  const all = new Float64Array(kept);
  for (let i = 0, k = 0; i < n; i++) {
    if (!keep[i]) continue;
    const v = values[i]!;
    all[k++] = v;
    const w = weeks.at(weekOfDay(facts.day[i]!));
    w.list[w.filled++] = v;
    const s = services.at(facts.service[i]!);
    s.list[s.filled++] = v;
  }
  return [
    { g: "all", ...percentiles(all) },
    ...[...weeks.map].map(([week, { list }]) => ({ g: `w:${week}`, ...percentiles(list) })),
    ...[...services.map].map(([service, { list }]) => ({ g: `s:${service}`, ...percentiles(list) })),
  ];
}

/** Lead time for changes per group (seconds). */
export function leadTimeGroups(facts: LeadFacts): PercentileRow[] {
  return percentilesByGroup(facts, (i) => facts.ms[i]! / 1000);
}

/** Failed deployment recovery time per group (seconds), over the failed changes that recovered. */
export function recoveryGroups(facts: DeliveredFacts): PercentileRow[] {
  const { recoveryMs } = facts.failed;
  return percentilesByGroup(facts.failed, (i) => (recoveryMs[i] !== null ? recoveryMs[i]! / 1000 : null));
}

/** Counts per group: |D|, distinct UTC days, failed changes (and how many recovered), rework. */
export function deploymentGroups(facts: DeliveredFacts): DeploymentAggregateRow[] {
  type Counts = { deployments: number; failed: number; recovered: number; rework: number; days: Set<number> };
  const fresh = (): Counts => ({ deployments: 0, failed: 0, recovered: 0, rework: 0, days: new Set() });
  const all = fresh();
  const weeks = new Map<number, Counts>();
  const services = new Map<number, Counts>();
  const at = (map: Map<number, Counts>, key: number) => {
    let c = map.get(key);
    if (!c) map.set(key, (c = fresh()));
    return c;
  };
  const { days, failed } = facts;
  for (let i = 0; i < days.service.length; i++) {
    const day = days.day[i]!;
    for (const c of [all, at(weeks, weekOfDay(day)), at(services, days.service[i]!)]) {
      c.deployments += days.deployments[i]!;
      c.rework += days.rework[i]!;
      c.days.add(day);
    }
  }
  for (let i = 0; i < failed.service.length; i++) {
    const recovered = failed.recoveryMs[i] !== null ? 1 : 0;
    for (const c of [all, at(weeks, weekOfDay(failed.day[i]!)), at(services, failed.service[i]!)]) {
      c.failed++;
      c.recovered += recovered;
    }
  }
  const row = (g: string, { days, ...c }: Counts): DeploymentAggregateRow => ({ g, ...c, deployDays: days.size });
  return [...(all.deployments ? [row("all", all)] : []), ...[...weeks].map(([w, c]) => row(`w:${w}`, c)), ...[...services].map(([s, c]) => row(`s:${s}`, c))];
}
