import { toCsv, type CsvValue } from "@/lib/csv";
import type { Metrics } from "./metrics";
import type { DrilldownHead, DrilldownTable, Row } from "./drilldown";

const iso = (ms: unknown) => (typeof ms === "number" ? new Date(ms).toISOString() : null);

const header = (head: DrilldownHead) => head.columns.map((c) => (c.format === "duration" ? `${c.key} (seconds)` : c.key));

/** Raw values for machines: ISO times, durations in seconds, flags as true/false. */
const cells = (head: DrilldownHead, row: Row): CsvValue[] =>
  head.columns.map((c) => {
    const v = row[c.key] ?? null;
    if (c.format === "time") return iso(v);
    if (c.format === "yes") return v ? "true" : "false";
    return v;
  });

export function drilldownCsv(table: DrilldownTable): string {
  return toCsv(
    header(table),
    table.rows.map((row) => cells(table, row)),
  );
}

/**
 * The same CSV, streamed: the header, then each batch of rows as it is read (only when the reader asks
 * for more), so memory stays one batch whatever the size. Each batch goes through toCsv, escaping and
 * formula guard included, with the header line it repeats cut off.
 */
export function drilldownCsvStream(head: DrilldownHead, batches: AsyncIterable<Row[]>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const names = header(head);
  const headerLine = toCsv(names, []);
  const iterator = batches[Symbol.asyncIterator]();
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(headerLine));
        return;
      }
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(toCsv(names, next.value.map((row) => cells(head, row))).slice(headerLine.length)));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

export function seriesCsv(metrics: Metrics): string {
  return toCsv(
    ["weekStart", "deployments", "leadTimeMedianSeconds", "changeFailureRate", "recoveryMedianSeconds"],
    metrics.series.map((w) => [w.weekStart, w.deployments, w.leadTimeMedianSeconds, w.changeFailureRate, w.recoveryMedianSeconds]),
  );
}
