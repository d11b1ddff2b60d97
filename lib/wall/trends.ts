import { DAY_MS } from "@/lib/time";

const HOUR_MS = 3_600_000;

/**
 * An SVG path through `values` spread across `width`, scaled from 0 to the largest value so a quiet
 * week reads as low rather than a small wobble blown up to full height. A week with no figure (null)
 * breaks the line instead of pretending to be zero.
 */
export function sparklinePath(values: readonly (number | null)[], width: number, height: number): string {
  const max = Math.max(0, ...values.filter((v): v is number => v !== null));
  const step = values.length > 1 ? width / (values.length - 1) : 0;
  const y = (v: number) => (max === 0 ? height : height - (v / max) * height);
  let path = "";
  let pen = false;
  values.forEach((v, i) => {
    if (v === null) {
      pen = false;
      return;
    }
    path += `${path ? " " : ""}${pen ? "L" : "M"}${round(i * step)} ${round(y(v))}`;
    pen = true;
  });
  return path;
}

const round = (n: number) => Math.round(n * 10) / 10;

/** The heatmap's span: a week, so each weekday shows once. */
export const HEATMAP_DAYS = 7;

export type Heatmap = { hoursPerCell: number; days: { day: string; cells: number[] }[]; max: number };

/**
 * Deployments by UTC day (the last `days`, today last) and by block of `hoursPerCell` hours: when the
 * team ships, at a glance. Times outside those days are left out.
 */
export function deployHeatmap(times: readonly number[], now: Date, days = HEATMAP_DAYS, hoursPerCell = 3): Heatmap {
  const first = (Math.floor(now.getTime() / DAY_MS) - (days - 1)) * DAY_MS;
  const perDay = Math.ceil(24 / hoursPerCell);
  const grid = Array.from({ length: days }, (_, d) => ({ day: new Date(first + d * DAY_MS).toISOString().slice(0, 10), cells: Array<number>(perDay).fill(0) }));
  for (const t of times) {
    const d = Math.floor((t - first) / DAY_MS);
    if (d < 0 || d >= days) continue;
    grid[d]!.cells[Math.floor((t - first - d * DAY_MS) / (hoursPerCell * HOUR_MS))]! += 1;
  }
  return { hoursPerCell, days: grid, max: Math.max(0, ...grid.flatMap((g) => g.cells)) };
}
