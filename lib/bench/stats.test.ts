import { describe, expect, it } from "vitest";
import { formatMs, rateRow, summarize, table, timingRow } from "./stats";

describe("bench statistics", () => {
  it("interpolates median and p95", () => {
    const s = summarize([4, 1, 3, 2]);
    expect(s.median).toBe(2.5);
    expect(s.p95).toBeCloseTo(3.85, 10);
    expect(summarize([7])).toEqual({ median: 7, p95: 7 });
  });
  it("formats timings to about three significant digits", () => {
    expect([formatMs(1.234), formatMs(12.34), formatMs(123.4)]).toEqual(["1.23 ms", "12.3 ms", "123 ms"]);
  });
  it("rates timings and throughputs against their goals", () => {
    expect(timingRow("t", [10, 20, 30], 40)).toEqual({ figure: "t", measured: "20.0 ms (p95 29.0 ms)", goal: "≤ 40.0 ms", ratio: "0.50" });
    expect(rateRow("r", 3000, 2000)).toEqual({ figure: "r", measured: "3000 / s", goal: "≥ 2000 / s", ratio: "1.50" });
    expect(rateRow("r", 100, 400, "≥ 25% of raw 1600 / s").goal).toBe("≥ 25% of raw 1600 / s");
  });
  it("prints an aligned table", () => {
    expect(table([{ figure: "a", measured: "1 ms", goal: "≤ 5 ms", ratio: "0.20" }])).toBe(
      ["| figure | measured | goal   | measured / goal |", "|--------|----------|--------|-----------------|", "| a      | 1 ms     | ≤ 5 ms | 0.20            |"].join("\n"),
    );
  });
});
