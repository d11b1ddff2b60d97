import { describe, expect, it } from "vitest";
import { scenario } from "@/db/test/scenario";
import { deploymentCalendar, STACK_LIMIT } from "./frequency";
import { metricsQuerySchema } from "./query";

const query = metricsQuerySchema.parse({ from: "2026-03-04T00:00:00Z", to: "2026-03-12T00:00:00Z" });

describe("deployment calendar", () => {
  it("counts deployments and failed changes per UTC day, in Monday-first weeks", async () => {
    const s = scenario();
    await s.deploy({ service: "api", finishedAt: "2026-03-04T01:00:00Z" });
    await s.deploy({ service: "api", finishedAt: "2026-03-04T23:00:00Z", changeFailed: true });
    await s.deploy({ service: "web", finishedAt: "2026-03-10T12:00:00Z" });
    await s.deploy({ service: "web", finishedAt: "2026-03-03T12:00:00Z" });
    const { heatmap } = await deploymentCalendar(s.db.read, query);
    expect(heatmap.weeks.map((w) => w.weekStart)).toEqual(["2026-03-02T00:00:00.000Z", "2026-03-09T00:00:00.000Z"]);
    expect(heatmap.weeks[0]!.days[2]).toEqual({ day: "2026-03-04", deployments: 2, failed: 1, inWindow: true });
    expect(heatmap.weeks[0]!.days[1]).toEqual({ day: "2026-03-03", deployments: 0, failed: 0, inWindow: false });
    expect(heatmap.weeks[1]!.days[1]).toMatchObject({ day: "2026-03-10", deployments: 1 });
    expect(heatmap.weeks[1]!.days[3]).toMatchObject({ day: "2026-03-12", inWindow: false });
    expect(heatmap.max).toBe(2);
  });

  it("stacks weeks by service, busiest first, folding the rest into other, with failures per week", async () => {
    const s = scenario();
    for (let i = 0; i <= STACK_LIMIT; i++) {
      for (let n = 0; n <= STACK_LIMIT - i; n++) await s.deploy({ service: `svc-${i}`, finishedAt: `2026-03-0${5 + (n % 2)}T10:00:0${n % 10}Z`, changeFailed: i === 0 && n === 0 });
    }
    const { stacked } = await deploymentCalendar(s.db.read, query);
    expect(stacked.services).toEqual(["svc-0", "svc-1", "svc-2", "svc-3", "svc-4", "svc-5", "svc-6", "other"]);
    expect(stacked.weeks[0]!.counts["svc-0"]).toBe(STACK_LIMIT + 1);
    expect(stacked.weeks[0]!.counts.other).toBe(1);
    expect(stacked.weeks[0]!.failed).toBe(1);
    expect(stacked.weeks[1]!.counts["svc-0"]).toBe(0);
  });

  it("counts only the part of the first and last day inside a window that does not start or end at midnight", async () => {
    const s = scenario();
    await s.deploy({ service: "api", finishedAt: "2026-03-04T10:00:00Z" });
    await s.deploy({ service: "api", finishedAt: "2026-03-04T13:00:00Z" });
    for (let h = 0; h < 5; h++) await s.deploy({ service: "web", finishedAt: `2026-03-06T1${h}:00:00Z` });
    await s.deploy({ service: "web", finishedAt: "2026-03-11T05:00:00Z", changeFailed: true });
    await s.deploy({ service: "web", finishedAt: "2026-03-11T07:00:00Z" });
    const window = metricsQuerySchema.parse({ from: "2026-03-04T12:00:00Z", to: "2026-03-11T06:00:00Z" });
    const { heatmap, stacked } = await deploymentCalendar(s.db.read, window);
    const day = (d: string) => heatmap.weeks.flatMap((w) => w.days).find((c) => c.day === d)!;
    expect(day("2026-03-04")).toEqual({ day: "2026-03-04", deployments: 1, failed: 0, inWindow: true });
    expect(day("2026-03-06")).toMatchObject({ deployments: 5, failed: 0 });
    expect(day("2026-03-11")).toEqual({ day: "2026-03-11", deployments: 1, failed: 1, inWindow: true });
    expect(heatmap.max).toBe(5);
    expect(stacked.services).toEqual(["web", "api"]);
    expect(stacked.weeks.map((w) => [w.counts.web, w.counts.api, w.failed])).toEqual([
      [5, 1, 0],
      [1, 0, 1],
    ]);
  });
});
