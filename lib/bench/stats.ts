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

/** A plain-text table, column widths fitted to the content. */
export function table(rows: Row[]): string {
  const header: Row = { figure: "figure", measured: "measured", goal: "goal", ratio: "measured / goal" };
  const all = [header, ...rows];
  const keys = Object.keys(header) as (keyof Row)[];
  const widths = keys.map((k) => Math.max(...all.map((r) => r[k].length)));
  const line = (r: Row) => `| ${keys.map((k, i) => r[k].padEnd(widths[i]!)).join(" | ")} |`;
  return [line(header), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...rows.map(line)].join("\n");
}
