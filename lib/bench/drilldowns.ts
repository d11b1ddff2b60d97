import { sample, time, type Client } from "./http";
import { timingRow, type Row } from "./stats";

const KINDS = [
  ["deployments", "deployments"],
  ["lead-time", "lead time"],
  ["failures", "failures"],
] as const;

/**
 * The rows behind a figure at full size: each drill-down's first page, signed in and read to its last
 * byte (the figures it totals from are cached per data version, as when a person clicks through from
 * the overview), and the whole lead-time CSV of the window, streamed.
 */
export async function drilldownRows(page: Client, window: { from: number; to: number }, runs: number, goals: { drilldown: number; rssMb: number }, peakRssMb: () => number): Promise<Row[]> {
  const query = `from=${new Date(window.from).toISOString()}&to=${new Date(window.to).toISOString()}`;
  const rows: Row[] = [];
  for (const [kind, label] of KINDS) {
    const samples = await sample(() => page.text(`/drilldown/${kind}?${query}`), runs);
    rows.push(timingRow(`drill-down ${label}, 90 days, first page (full response)`, samples, goals.drilldown));
  }
  let lines = 0;
  const ms = await time(async () => {
    const response = await page.send(`/drilldown/lead-time/csv?${query}`);
    const reader = response.body!.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      for (const byte of value) if (byte === 10) lines++;
    }
  });
  const peak = peakRssMb();
  rows.push({
    figure: `lead-time CSV, 90 days, streamed (${(lines - 1).toLocaleString("en")} rows in ${(ms / 1000).toFixed(1)} s): server RSS peak so far`,
    measured: `${Math.round(peak)} MB`,
    goal: `≤ ${goals.rssMb} MB`,
    ratio: (peak / goals.rssMb).toFixed(2),
  });
  return rows;
}
