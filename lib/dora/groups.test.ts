import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { deploymentGroups, leadTimeGroups, percentiles, percentilesByGroup, weekOfDay } from "./groups";

/** PERCENTILE_CONT over a sorted copy: the definition the selection must match exactly. */
function reference(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = p * (sorted.length - 1);
  const lo = Math.floor(rank);
  return lo + 1 < sorted.length ? sorted[lo]! + (sorted[lo + 1]! - sorted[lo]!) * (rank - lo) : sorted[lo]!;
}

describe("percentiles", () => {
  it("interpolates between ranks like PERCENTILE_CONT", () => {
    expect(percentiles(Float64Array.from([4, 1, 3, 2]))).toEqual({ n: 4, sum: 10, p50: 2.5, p90: 3.7 });
    expect(percentiles(Float64Array.from([7]))).toEqual({ n: 1, sum: 7, p50: 7, p90: 7 });
  });

  it("equals the sorted-array definition for any values, duplicates included", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: 0, max: 20 }), fc.double({ min: 0, max: 1e7, noNaN: true })), { minLength: 1, maxLength: 300 }), (values) => {
        const got = percentiles(Float64Array.from(values));
        // The reference's float rank may differ in the last bits; the selected values may not.
        const near = (a: number, b: number) => Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(b));
        expect(near(got.p50, reference(values, 0.5))).toBe(true);
        expect(near(got.p90, reference(values, 0.9))).toBe(true);
        expect(got.n).toBe(values.length);
      }),
      { numRuns: 500 },
    );
  });

  it("equals it on long lists too, where the selection samples first, with many ties or none", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 601, max: 6000 }),
        fc.constantFrom(3, 50, 1e6, 1e12),
        fc.integer(),
        (n, spread, seed) => {
          let state = seed >>> 0;
          const next = () => ((state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0) / 4_294_967_296);
          const values = Array.from({ length: n }, () => Math.floor(next() * spread) / 1000);
          const got = percentiles(Float64Array.from(values));
          // Same arithmetic on a sorted copy, so only the values selected can differ: not one bit may.
          const sorted = [...values].sort((a, b) => a - b);
          const exact = (num: number, den: number) => {
            const rank = Math.floor((num * (n - 1)) / den);
            const frac = ((num * (n - 1)) % den) / den;
            return frac === 0 ? sorted[rank]! : sorted[rank]! + (sorted[rank + 1]! - sorted[rank]!) * frac;
          };
          expect(got.p50).toBe(exact(1, 2));
          expect(got.p90).toBe(exact(9, 10));
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("groups", () => {
  it("puts each UTC day in the ISO week starting that Monday", () => {
    const day = (iso: string) => Date.parse(iso) / 86_400_000;
    expect(new Date(weekOfDay(day("2026-11-22T00:00:00Z"))).toISOString()).toBe("2026-11-16T00:00:00.000Z");
    expect(new Date(weekOfDay(day("2026-11-23T00:00:00Z"))).toISOString()).toBe("2026-11-23T00:00:00.000Z");
  });

  it("summarises the whole window, each week and each service, skipping values that do not count", () => {
    const facts = { service: [1, 1, 2], day: [20_410, 20_411, 20_418] };
    const rows = percentilesByGroup(facts, (i) => (i === 1 ? null : [10, 99, 30][i]!));
    expect(Object.fromEntries(rows.map((r) => [r.g, [r.n, r.p50]]))).toEqual({
      all: [2, 20],
      [`w:${weekOfDay(20_410)}`]: [1, 10],
      [`w:${weekOfDay(20_418)}`]: [1, 30],
      "s:1": [1, 10],
      "s:2": [1, 30],
    });
  });

  /** Each group's values summarised on their own: what every row of the grouped summaries must equal. */
  function expectedGroups(items: { service: number; day: number; value: number }[]) {
    const groups = new Map<string, number[]>();
    for (const { service, day, value } of items) for (const g of ["all", `w:${weekOfDay(day)}`, `s:${service}`]) groups.set(g, [...(groups.get(g) ?? []), value]);
    return new Map([...groups].map(([g, values]) => [g, percentiles(Float64Array.from(values))]));
  }

  function expectSameGroups(rows: { g: string; n: number; sum: number; p50: number; p90: number }[], items: { service: number; day: number; value: number }[]) {
    const expected = expectedGroups(items);
    expect(rows.map((r) => r.g).sort()).toEqual([...expected.keys()].sort());
    for (const { g, ...got } of rows) {
      const want = expected.get(g)!;
      expect({ g, n: got.n, p50: got.p50, p90: got.p90 }).toEqual({ g, n: want.n, p50: want.p50, p90: want.p90 });
      expect(Math.abs(got.sum - want.sum)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(want.sum)));
    }
  }

  // One service alone is the view of a service page (its summary is the window's, computed once) and
  // several are the overview's; both must give every group exactly its own values' figures.
  const service = (one: boolean) => (one ? fc.constant(7) : fc.integer({ min: 1, max: 4 }));
  const day = fc.integer({ min: 20_400, max: 20_440 });

  it("summarises each group as its own values, for one service or several, with values that do not count", () => {
    fc.assert(
      fc.property(fc.boolean().chain((one) => fc.array(fc.record({ service: service(one), day, value: fc.option(fc.integer({ min: 0, max: 500 })) }), { minLength: 1, maxLength: 200 })), (items) => {
        const rows = percentilesByGroup({ service: items.map((i) => i.service), day: items.map((i) => i.day) }, (i) => items[i]!.value);
        const counted = items.filter((i) => i.value !== null).map((i) => ({ ...i, value: i.value! }));
        if (counted.length === 0) expect(rows).toEqual([]);
        else expectSameGroups(rows, counted);
      }),
      { numRuns: 300 },
    );
  });

  it("summarises lead times per group from blocks of one service's day, for one service or several", () => {
    fc.assert(
      fc.property(fc.boolean().chain((one) => fc.array(fc.record({ service: service(one), day, ms: fc.array(fc.integer({ min: 0, max: 9_000_000 }), { minLength: 1, maxLength: 40 }) }), { minLength: 1, maxLength: 60 })), (blocks) => {
        const rows = leadTimeGroups({ service: blocks.map((b) => b.service), day: blocks.map((b) => b.day), count: blocks.map((b) => b.ms.length), ms: Float64Array.from(blocks.flatMap((b) => b.ms)) });
        expectSameGroups(rows, blocks.flatMap((b) => b.ms.map((ms) => ({ service: b.service, day: b.day, value: ms / 1000 }))));
      }),
      { numRuns: 300 },
    );
  });

  it("counts deployments, distinct days, failures, recoveries and rework per group", () => {
    const rows = deploymentGroups({
      days: { service: [1, 2], day: [20_410, 20_411], deployments: [2, 1], rework: [1, 0] },
      failed: { service: [1, 1], day: [20_410, 20_410], recoveryMs: [5_000, null] },
    });
    expect(rows.find((r) => r.g === "all")).toEqual({ g: "all", deployments: 3, deployDays: 2, failed: 2, recovered: 1, rework: 1 });
    expect(rows.find((r) => r.g === "s:1")).toEqual({ g: "s:1", deployments: 2, deployDays: 1, failed: 2, recovered: 1, rework: 1 });
  });
});
