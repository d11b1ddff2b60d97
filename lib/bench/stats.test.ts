import { describe, expect, it } from "vitest";
import { summarize, table } from "./stats";

describe("bench statistics", () => {
  it("interpolates median and p95", () => {
    const s = summarize([4, 1, 3, 2]);
    expect(s.median).toBe(2.5);
    expect(s.p95).toBeCloseTo(3.85, 10);
    expect(summarize([7])).toEqual({ median: 7, p95: 7 });
  });
  it("prints an aligned table", () => {
    expect(table([{ figure: "a", measured: "1 ms", goal: "≤ 5 ms", ratio: "0.20" }])).toBe(
      ["| figure | measured | goal   | measured / goal |", "|--------|----------|--------|-----------------|", "| a      | 1 ms     | ≤ 5 ms | 0.20            |"].join("\n"),
    );
  });
});
