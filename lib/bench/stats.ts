/** Median and 95th percentile of timings (ms), interpolated between ranks. */
export function summarize(samples: number[]): { median: number; p95: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => {
    const rank = p * (sorted.length - 1);
    const lo = Math.floor(rank);
    const hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (rank - lo);
  };
  return { median: at(0.5), p95: at(0.95) };
}

export type Row = { figure: string; measured: string; goal: string; ratio: string };

/** Milliseconds with about three significant digits. */
export const formatMs = (ms: number) => `${ms < 10 ? ms.toFixed(2) : ms < 100 ? ms.toFixed(1) : Math.round(ms)} ms`;

/** A timing against a ceiling: median (p95 beside it) and median / goal, so above 1 misses it. */
export function timingRow(figure: string, samples: number[], goalMs: number): Row {
  const s = summarize(samples);
  return { figure, measured: `${formatMs(s.median)} (p95 ${formatMs(s.p95)})`, goal: `≤ ${formatMs(goalMs)}`, ratio: (s.median / goalMs).toFixed(2) };
}

/** A throughput against a floor: measured / goal, so below 1 misses it. */
export function rateRow(figure: string, perSecond: number, goalPerSecond: number, goalLabel = `≥ ${Math.round(goalPerSecond)} / s`): Row {
  return { figure, measured: `${Math.round(perSecond)} / s`, goal: goalLabel, ratio: (perSecond / goalPerSecond).toFixed(2) };
}

/** A plain-text table, column widths fitted to the content. */
export function table(rows: Row[]): string {
  const header: Row = { figure: "figure", measured: "measured", goal: "goal", ratio: "measured / goal" };
  const all = [header, ...rows];
  const keys = Object.keys(header) as (keyof Row)[];
  const widths = keys.map((k) => Math.max(...all.map((r) => r[k].length)));
  const line = (r: Row) => `| ${keys.map((k, i) => r[k].padEnd(widths[i]!)).join(" | ")} |`;
  return [line(header), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...rows.map(line)].join("\n");
}
