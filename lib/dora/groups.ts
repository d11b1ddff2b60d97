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

function swap(a: Float64Array, i: number, j: number) {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
}

/**
 * Moves the k-th smallest value of a[left..right] to a[k], smaller or equal ones before it and greater
 * or equal ones after it (Floyd and Rivest's selection: on a long range it first selects within a small
 * sample around where k must fall, so the partitions that follow touch little more than the range once).
 */
function select(a: Float64Array, k: number, left: number, right: number): void {
  while (right > left) {
    if (right - left > 600) {
      const n = right - left + 1;
      const i = k - left + 1;
      const z = Math.log(n);
      const s = 0.5 * Math.exp((2 * z) / 3);
      const sd = 0.5 * Math.sqrt((z * s * (n - s)) / n) * (i - n / 2 < 0 ? -1 : 1);
      select(a, k, Math.max(left, Math.floor(k - (i * s) / n + sd)), Math.min(right, Math.floor(k + ((n - i) * s) / n + sd)));
    }
    const t = a[k]!;
    let i = left;
    let j = right;
    swap(a, left, k);
    if (a[right]! > t) swap(a, left, right);
    while (i < j) {
      swap(a, i, j);
      i++;
      j--;
      while (a[i]! < t) i++;
      while (a[j]! > t) j--;
    }
    if (a[left] === t) swap(a, left, j);
    else swap(a, ++j, right);
    if (j <= k) left = j + 1;
    if (k <= j) right = j - 1;
  }
}

/** The smallest value of a[from..to). */
function minOf(a: Float64Array, from: number, to: number): number {
  let m = Infinity;
  for (let i = from; i < to; i++) if (a[i]! < m) m = a[i]!;
  return m;
}

/**
 * Median and 90th percentile interpolated linearly between ranks, exactly as SQL's PERCENTILE_CONT:
 * rank p·(n−1), with integer arithmetic for the rank so no float rounding picks the wrong value.
 * Moves the values around in place.
 */
export function percentiles(values: Float64Array): { n: number; sum: number; p50: number; p90: number } {
  const n = values.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i]!;
  // The 90th first: selecting it leaves everything up to its rank in values[0..r90], where the median
  // is, and everything after it no smaller; the median is then selected within that part alone.
  const r90 = Math.floor((9 * (n - 1)) / 10);
  const f90 = ((9 * (n - 1)) % 10) / 10;
  select(values, r90, 0, n - 1);
  const lo90 = values[r90]!;
  const p90 = f90 === 0 ? lo90 : lo90 + (minOf(values, r90 + 1, n) - lo90) * f90;
  const r50 = Math.floor((n - 1) / 2);
  const f50 = ((n - 1) % 2) / 2;
  select(values, r50, 0, r90);
  const lo50 = values[r50]!;
  const p50 = f50 === 0 ? lo50 : lo50 + (minOf(values, r50 + 1, r50 < r90 ? r90 + 1 : n) - lo50) * f50;
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
 * A view of one service (its page, the API's `service=`) has every value in that service's group: its
 * list would be a copy of `all`, selected over again, so it is neither filled nor summarised twice.
 */
const alone = (services: Slots) => services.map.size === 1;

const summaries = (all: Float64Array, weeks: Slots, services: Slots): PercentileRow[] => {
  // Selection reorders a list in place: every week's and service's list was filled from `all` before.
  const rows = [...weeks.map].map(([week, { list }]): PercentileRow => ({ g: `w:${week}`, ...percentiles(list) }));
  const whole = percentiles(all);
  for (const [service, { list }] of services.map) rows.push({ g: `s:${service}`, ...(alone(services) ? whole : percentiles(list)) });
  rows.push({ g: "all", ...whole });
  return rows;
};

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
  const byService = !alone(services);
  if (byService) services.allocate();
  const all = new Float64Array(kept);
  for (let i = 0, k = 0; i < n; i++) {
    if (!keep[i]) continue;
    const v = values[i]!;
    all[k++] = v;
    const w = weeks.at(weekOfDay(facts.day[i]!));
    w.list[w.filled++] = v;
    if (!byService) continue;
    const s = services.at(facts.service[i]!);
    s.list[s.filled++] = v;
  }
  return summaries(all, weeks, services);
}

/** Lead time for changes per group (seconds), bucketing a block (one service's day) at a time. */
export function leadTimeGroups(facts: LeadFacts): PercentileRow[] {
  const total = facts.ms.length;
  if (total === 0) return [];
  const all = new Float64Array(total);
  for (let i = 0; i < total; i++) all[i] = facts.ms[i]! / 1000;
  const weeks = new Slots();
  const services = new Slots();
  for (let b = 0; b < facts.count.length; b++) {
    weeks.at(weekOfDay(facts.day[b]!)).count += facts.count[b]!;
    services.at(facts.service[b]!).count += facts.count[b]!;
  }
  weeks.allocate();
  const byService = !alone(services);
  if (byService) services.allocate();
  for (let b = 0, at = 0; b < facts.count.length; b++) {
    const end = at + facts.count[b]!;
    const w = weeks.at(weekOfDay(facts.day[b]!));
    const wl = w.list;
    if (byService) {
      const s = services.at(facts.service[b]!);
      const sl = s.list;
      for (; at < end; at++) {
        const v = all[at]!;
        wl[w.filled++] = v;
        sl[s.filled++] = v;
      }
    } else {
      for (; at < end; at++) wl[w.filled++] = all[at]!;
    }
  }
  return summaries(all, weeks, services);
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
