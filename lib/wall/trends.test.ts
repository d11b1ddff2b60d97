import { describe, expect, it } from "vitest";
import { TEST_NOW } from "@/lib/testing/clock";
import { deployHeatmap, sparklinePath } from "./trends";

describe("sparklinePath", () => {
  it("scales from zero to the largest value across the width", () => {
    expect(sparklinePath([0, 5, 10], 100, 20)).toBe("M0 20 L50 10 L100 0");
  });

  it("breaks the line at a week with no figure rather than drawing it as zero", () => {
    expect(sparklinePath([4, null, 2, 4], 30, 10)).toBe("M0 0 M20 5 L30 0");
  });

  it("draws an all-zero series along the bottom and nothing for no figures at all", () => {
    expect(sparklinePath([0, 0], 10, 8)).toBe("M0 8 L10 8");
    expect(sparklinePath([null, null], 10, 8)).toBe("");
  });
});

describe("deployHeatmap", () => {
  const at = (iso: string) => Date.parse(iso);

  it("counts deployments by UTC day, today last, and by block of hours", () => {
    // TEST_NOW is 2026-11-20 14:30 UTC.
    const map = deployHeatmap([at("2026-11-20T14:00:00Z"), at("2026-11-20T12:00:00Z"), at("2026-11-20T11:59:59Z"), at("2026-11-14T00:00:00Z"), at("2026-11-14T23:59:59Z")], TEST_NOW);
    expect(map.days.map((d) => d.day)).toEqual(["2026-11-14", "2026-11-15", "2026-11-16", "2026-11-17", "2026-11-18", "2026-11-19", "2026-11-20"]);
    expect(map.days[6]!.cells).toEqual([0, 0, 0, 1, 2, 0, 0, 0]);
    expect(map.days[0]!.cells).toEqual([1, 0, 0, 0, 0, 0, 0, 1]);
    expect(map.max).toBe(2);
  });

  it("leaves out deployments before the first day or after today", () => {
    const map = deployHeatmap([at("2026-11-13T23:59:59Z"), at("2026-11-21T00:00:00Z")], TEST_NOW);
    expect(map.days.flatMap((d) => d.cells).every((c) => c === 0)).toBe(true);
    expect(map.max).toBe(0);
  });

  it("takes other spans and block sizes", () => {
    const map = deployHeatmap([at("2026-11-20T23:00:00Z")], TEST_NOW, 2, 6);
    expect(map.days).toEqual([
      { day: "2026-11-19", cells: [0, 0, 0, 0] },
      { day: "2026-11-20", cells: [0, 0, 0, 1] },
    ]);
  });
});
