import { describe, expect, it } from "vitest";
import { scenario } from "../test/scenario";
import { leadFacts } from "./metric-facts";

const H = 3_600_000;

describe("leadFacts", () => {
  it("takes whole days from lead_days and the partial days at the ends from the deliveries, for any window", () => {
    const s = scenario();
    const deliveries = ["2026-03-09T06:00:00Z", "2026-03-09T18:00:00Z", "2026-03-10T12:00:00Z", "2026-03-11T03:00:00Z", "2026-03-11T09:00:00Z"];
    deliveries.forEach((finishedAt, i) => s.deploy({ service: i % 2 ? "api" : "web", finishedAt, commits: [{ sha: `c${i}`, at: new Date(Date.parse(finishedAt) - (i + 1) * H).toISOString() }] }));
    s.deploy({ service: "api", finishedAt: "2026-03-10T13:00:00Z", commits: [{ sha: "late", at: "2026-03-10T14:00:00Z" }] }); // committed after: no lead
    const within = (from: string, to: string) => {
      const facts = leadFacts(s.db, { from: new Date(from), to: new Date(to), environment: "production" });
      return facts.ms.map((ms, i) => [ms / H, facts.day[i]]).sort((a, b) => a[0]! - b[0]!);
    };
    const day = (iso: string) => Math.floor(Date.parse(iso) / 86_400_000);
    expect(within("2026-03-09T12:00:00Z", "2026-03-11T06:00:00Z")).toEqual([
      [2, day("2026-03-09")],
      [3, day("2026-03-10")],
      [4, day("2026-03-11")],
    ]);
    expect(within("2026-03-09T00:00:00Z", "2026-03-12T00:00:00Z").map(([h]) => h)).toEqual([1, 2, 3, 4, 5]);
    expect(within("2026-03-11T00:00:00Z", "2026-03-11T05:00:00Z").map(([h]) => h)).toEqual([4]);
    const api = leadFacts(s.db, { from: new Date("2026-03-09T00:00:00Z"), to: new Date("2026-03-12T00:00:00Z"), environment: "production", service: "api" });
    expect(api.ms.map((ms) => ms / H).sort()).toEqual([2, 4]);
  });
});
