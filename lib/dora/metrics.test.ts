import { describe, expect, it } from "vitest";
import { scenario } from "@/db/test/scenario";
import { computeMetrics, computeMetricsReport, weeksOverlapping } from "./metrics";
import { metricsQuerySchema } from "./query";

const H = 3600;
const D = 86_400;
/** A 4-week window, Monday 2026-03-02 to Monday 2026-03-30. */
const WINDOW = { from: "2026-03-02T00:00:00Z", to: "2026-03-30T00:00:00Z" };
const q = (extra: Record<string, string> = {}) => metricsQuerySchema.parse({ ...WINDOW, ...extra });

describe("metrics on an empty window", () => {
  it("gives zero counts, a low frequency and null for everything unmeasurable", async () => {
    const { db } = scenario();
    const m = await computeMetrics(db, q());
    expect(m.window).toEqual({ from: "2026-03-02T00:00:00.000Z", to: "2026-03-30T00:00:00.000Z", days: 28 });
    expect(m.deploymentFrequency).toEqual({ deployments: 0, perDay: 0, perWeek: 0, deployDays: 0, level: "low" });
    expect(m.leadTime).toEqual({ medianSeconds: null, p90Seconds: null, changes: 0, level: null });
    expect(m.changeFailureRate).toEqual({ rate: null, failed: 0, deployments: 0, level: null });
    expect(m.recoveryTime).toEqual({ medianSeconds: null, recovered: 0, unrecovered: 0, level: null });
    expect(m.reworkRate).toEqual({ rate: null, unplanned: 0, deployments: 0 });
    expect(m.timeToRestore).toEqual({ medianSeconds: null, incidents: 0, mttaMedianSeconds: null });
    expect(m.series).toHaveLength(4);
    expect(m.series[0]).toEqual({ weekStart: "2026-03-02T00:00:00.000Z", deployments: 0, leadTimeMedianSeconds: null, changeFailureRate: null, recoveryMedianSeconds: null });
  });
});

describe("deployment frequency", () => {
  it("counts successful deployments in scope finishing in [from, to), and distinct UTC days", async () => {
    const s = scenario();
    await s.deploy({ service: "api", finishedAt: "2026-03-02T00:00:00Z" }); // at `from`: counted
    await s.deploy({ service: "api", finishedAt: "2026-03-02T23:59:59Z" }); // same UTC day
    await s.deploy({ service: "api", finishedAt: "2026-03-03T08:00:00Z" });
    await s.deploy({ service: "api", finishedAt: "2026-03-30T00:00:00Z" }); // at `to`: excluded
    await s.deploy({ service: "api", finishedAt: "2026-03-01T23:59:59Z" }); // before: excluded
    await s.deploy({ service: "api", finishedAt: "2026-03-04T08:00:00Z", status: "failure" });
    await s.deploy({ service: "api", finishedAt: "2026-03-04T09:00:00Z", environment: "staging" });
    const f = (await computeMetrics(s.db, q())).deploymentFrequency;
    expect(f).toEqual({ deployments: 3, perDay: 3 / 28, perWeek: 0.75, deployDays: 2, level: "medium" });
    expect((await computeMetrics(s.db, q({ environment: "staging" }))).deploymentFrequency.deployments).toBe(1);
  });
});

describe("lead time", () => {
  it("interpolates the median and p90 between ranks, for even and odd counts", async () => {
    const s = scenario();
    await s.deploy({
      service: "api",
      finishedAt: "2026-03-10T12:00:00Z",
      commits: [
        { sha: "a", at: "2026-03-10T11:00:00Z" }, // 1 h
        { sha: "b", at: "2026-03-10T10:00:00Z" }, // 2 h
        { sha: "c", at: "2026-03-10T09:00:00Z" }, // 3 h
        { sha: "d", at: "2026-03-10T08:00:00Z" }, // 4 h
      ],
    });
    const even = (await computeMetrics(s.db, q())).leadTime;
    expect(even.changes).toBe(4);
    expect(even.medianSeconds).toBeCloseTo(2.5 * H, 6);
    expect(even.p90Seconds).toBeCloseTo(3.7 * H, 6); // rank 0.9 × 3 = 2.7
    expect(even.level).toBe("elite");
    await s.deploy({ service: "api", finishedAt: "2026-03-11T12:00:00Z", commits: [{ sha: "e", at: "2026-03-11T02:00:00Z" }] }); // 10 h
    const odd = (await computeMetrics(s.db, q())).leadTime;
    expect(odd.medianSeconds).toBeCloseTo(3 * H, 6);
    expect(odd.p90Seconds).toBeCloseTo(4 * H + 0.6 * 6 * H, 6); // rank 3.6: 4 h + 0.6 × (10 h − 4 h)
  });

  it("credits a commit listed by two deployments to the earliest, and excludes non-positive leads", async () => {
    const s = scenario();
    await s.deploy({ service: "api", finishedAt: "2026-03-01T12:00:00Z", commits: [{ sha: "old", at: "2026-03-01T10:00:00Z" }] }); // delivered before the window
    await s.deploy({
      service: "api",
      finishedAt: "2026-03-05T12:00:00Z",
      commits: [
        { sha: "old", at: "2026-03-01T10:00:00Z" },
        { sha: "x", at: "2026-03-04T12:00:00Z" }, // 1 day
        { sha: "future", at: "2026-03-05T13:00:00Z" }, // after the deploy: excluded
        { sha: "same", at: "2026-03-05T12:00:00Z" }, // zero: excluded
      ],
    });
    await s.deploy({ service: "api", finishedAt: "2026-03-06T12:00:00Z", commits: [{ sha: "x", at: "2026-03-04T12:00:00Z" }] });
    await s.deploy({ service: "api", finishedAt: "2026-03-04T12:00:00Z", status: "failure", commits: [{ sha: "x", at: "2026-03-04T12:00:00Z" }] });
    const lead = (await computeMetrics(s.db, q())).leadTime;
    expect(lead.changes).toBe(1);
    expect(lead.medianSeconds).toBe(D);
    expect(lead.level).toBe("high");
  });
});

describe("change failure rate and recovery", () => {
  it("applies the three recovery rules, in order", async () => {
    const s = scenario();
    // (a) rolled back 30 min later
    const a = await s.deploy({ service: "api", finishedAt: "2026-03-03T10:00:00Z" });
    await s.deploy({ service: "api", finishedAt: "2026-03-03T10:30:00Z", rollbackOf: a });
    // (b) two incidents, both resolved: the latest resolution counts; no next-deployment rule
    const b = await s.deploy({ service: "web", finishedAt: "2026-03-04T10:00:00Z" });
    await s.incident({ service: "web", startedAt: "2026-03-04T10:10:00Z", resolvedAt: "2026-03-04T11:00:00Z", causedBy: b });
    await s.incident({ service: "web", startedAt: "2026-03-04T10:20:00Z", resolvedAt: "2026-03-04T12:00:00Z", causedBy: b });
    await s.deploy({ service: "web", finishedAt: "2026-03-04T10:40:00Z" });
    // earliest of (a) and (b): rollback at +3 h beats incidents resolved at +5 h
    const ab = await s.deploy({ service: "db", finishedAt: "2026-03-05T10:00:00Z" });
    await s.deploy({ service: "db", finishedAt: "2026-03-05T13:00:00Z", rollbackOf: ab });
    await s.incident({ service: "db", startedAt: "2026-03-05T10:05:00Z", resolvedAt: "2026-03-05T15:00:00Z", causedBy: ab });
    // (c) marked failed, neither rollback nor incident: the next successful deployment (2 days later)
    await s.deploy({ service: "ops", finishedAt: "2026-03-06T10:00:00Z", changeFailed: true });
    await s.deploy({ service: "ops", finishedAt: "2026-03-08T10:00:00Z", status: "failure" });
    await s.deploy({ service: "ops", finishedAt: "2026-03-08T10:00:00Z", environment: "staging" });
    await s.deploy({ service: "ops", finishedAt: "2026-03-08T10:00:00Z" });
    // an open incident and no rollback: unrecovered, even though later deployments succeed
    const open = await s.deploy({ service: "pay", finishedAt: "2026-03-09T10:00:00Z" });
    await s.incident({ service: "pay", startedAt: "2026-03-09T10:05:00Z", resolvedAt: "2026-03-09T11:00:00Z", causedBy: open });
    await s.incident({ service: "pay", startedAt: "2026-03-09T10:06:00Z", causedBy: open });
    await s.deploy({ service: "pay", finishedAt: "2026-03-10T10:00:00Z" });
    // a failed rollback does not make its target a failed change
    const fine = await s.deploy({ service: "api", finishedAt: "2026-03-12T10:00:00Z" });
    await s.deploy({ service: "api", finishedAt: "2026-03-12T10:10:00Z", status: "failure", rollbackOf: fine });

    const m = await computeMetrics(s.db, q());
    // D: a, rollback(a), b, web next, ab, rollback(ab), c, ops next, open, pay next, fine = 11
    expect(m.changeFailureRate).toEqual({ rate: 5 / 11, failed: 5, deployments: 11, level: "low" });
    expect(m.recoveryTime.recovered).toBe(4);
    expect(m.recoveryTime.unrecovered).toBe(1);
    // recoveries: 0.5 h, 2 h, 3 h, 48 h → median 2.5 h
    expect(m.recoveryTime.medianSeconds).toBeCloseTo(2.5 * H, 6);
    expect(m.recoveryTime.level).toBe("high");
    expect(m.reworkRate).toEqual({ rate: 2 / 11, unplanned: 2, deployments: 11 });
  });

  it("counts a rollback that is itself rolled back as a second failed change", async () => {
    const s = scenario();
    const first = await s.deploy({ service: "api", finishedAt: "2026-03-03T10:00:00Z" });
    const rollback = await s.deploy({ service: "api", finishedAt: "2026-03-03T10:20:00Z", rollbackOf: first });
    await s.deploy({ service: "api", finishedAt: "2026-03-03T11:20:00Z", rollbackOf: rollback });
    const m = await computeMetrics(s.db, q());
    expect(m.changeFailureRate.failed).toBe(2);
    expect(m.recoveryTime.recovered).toBe(2);
    expect(m.recoveryTime.medianSeconds).toBeCloseTo((20 * 60 + 3600) / 2, 6);
    expect(m.reworkRate.unplanned).toBe(2);
  });

  it("leaves a failure with no later deployment unrecovered", async () => {
    const s = scenario();
    await s.deploy({ service: "api", finishedAt: "2026-03-03T10:00:00Z", changeFailed: true });
    const m = await computeMetrics(s.db, q());
    expect(m.recoveryTime).toEqual({ medianSeconds: null, recovered: 0, unrecovered: 1, level: null });
    expect(m.changeFailureRate.rate).toBe(1);
  });
});

describe("time to restore", () => {
  it("uses incidents started in the window and resolved, and acknowledgements for MTTA", async () => {
    const s = scenario();
    await s.incident({ service: "api", startedAt: "2026-03-03T10:00:00Z", acknowledgedAt: "2026-03-03T10:04:00Z", resolvedAt: "2026-03-03T11:00:00Z" });
    await s.incident({ service: "api", startedAt: "2026-03-04T10:00:00Z", acknowledgedAt: "2026-03-04T10:10:00Z", resolvedAt: "2026-03-04T13:00:00Z" });
    await s.incident({ service: "api", startedAt: "2026-03-05T10:00:00Z", acknowledgedAt: "2026-03-05T10:02:00Z" });
    await s.incident({ service: "api", startedAt: "2026-02-20T10:00:00Z", acknowledgedAt: "2026-02-20T10:01:00Z", resolvedAt: "2026-03-03T10:00:00Z" });
    expect((await computeMetrics(s.db, q())).timeToRestore).toEqual({ medianSeconds: 2 * H, incidents: 2, mttaMedianSeconds: 4 * 60 });
  });
});

describe("weekly series", () => {
  it("has one entry per ISO week overlapping the window, Mondays even when clipped, counting only inside", async () => {
    const s = scenario();
    await s.deploy({ service: "api", finishedAt: "2026-03-02T10:00:00Z" }); // Monday, before the window
    await s.deploy({ service: "api", finishedAt: "2026-03-05T10:00:00Z", commits: [{ sha: "a", at: "2026-03-05T08:00:00Z" }] });
    const failed = await s.deploy({ service: "api", finishedAt: "2026-03-10T10:00:00Z" });
    await s.deploy({ service: "api", finishedAt: "2026-03-10T11:00:00Z", rollbackOf: failed });
    await s.deploy({ service: "api", finishedAt: "2026-03-18T10:00:00Z" }); // Wednesday, after the window
    const m = await computeMetrics(s.db, metricsQuerySchema.parse({ from: "2026-03-04T00:00:00Z", to: "2026-03-18T00:00:00Z" }));
    expect(m.series).toEqual([
      { weekStart: "2026-03-02T00:00:00.000Z", deployments: 1, leadTimeMedianSeconds: 2 * H, changeFailureRate: 0, recoveryMedianSeconds: null },
      { weekStart: "2026-03-09T00:00:00.000Z", deployments: 2, leadTimeMedianSeconds: null, changeFailureRate: 0.5, recoveryMedianSeconds: H },
      { weekStart: "2026-03-16T00:00:00.000Z", deployments: 0, leadTimeMedianSeconds: null, changeFailureRate: null, recoveryMedianSeconds: null },
    ]);
  });

  it("lists the Mondays of the weeks a window touches", async () => {
    expect(weeksOverlapping(new Date("2026-03-08T23:00:00Z"), new Date("2026-03-09T00:00:01Z")).map((w) => new Date(w).toISOString())).toEqual([
      "2026-03-02T00:00:00.000Z",
      "2026-03-09T00:00:00.000Z",
    ]);
  });
});

describe("filters", () => {
  it("narrow by service, team and environment, and an unknown filter gives empty figures", async () => {
    const s = scenario();
    await s.deploy({ service: "api", team: "core", finishedAt: "2026-03-03T10:00:00Z" });
    await s.deploy({ service: "web", team: "growth", finishedAt: "2026-03-03T10:00:00Z" });
    await s.deploy({ service: "web", team: "growth", finishedAt: "2026-03-04T10:00:00Z", changeFailed: true });
    await s.incident({ service: "api", startedAt: "2026-03-03T10:00:00Z", resolvedAt: "2026-03-03T10:30:00Z" });
    expect((await computeMetrics(s.db, q({ service: "web" }))).deploymentFrequency.deployments).toBe(2);
    expect((await computeMetrics(s.db, q({ team: "core" }))).changeFailureRate.rate).toBe(0);
    expect((await computeMetrics(s.db, q({ team: "core" }))).timeToRestore.incidents).toBe(1);
    expect((await computeMetrics(s.db, q({ team: "growth" }))).timeToRestore.incidents).toBe(0);
    expect((await computeMetrics(s.db, q({ service: "nope" }))).deploymentFrequency.deployments).toBe(0);
    expect((await computeMetrics(s.db, q({ environment: "staging" }))).deploymentFrequency.level).toBe("low");
  });

  it("gives each service its own four keys", async () => {
    const s = scenario();
    await s.deploy({ service: "api", team: "core", finishedAt: "2026-03-03T10:00:00Z" });
    await s.deploy({ service: "web", team: "growth", finishedAt: "2026-03-04T10:00:00Z", changeFailed: true });
    const { services } = await computeMetricsReport(s.db, q());
    expect(services.map((x) => [x.slug, x.deploymentFrequency.deployments, x.changeFailureRate.rate])).toEqual([
      ["api", 1, 0],
      ["web", 1, 1],
    ]);
  });
});

describe("the metrics cache", () => {
  it("answers repeated reads from memory and recomputes after any write", async () => {
    const s = scenario();
    await s.deploy({ service: "api", finishedAt: "2026-03-03T08:00:00Z" });
    const first = await computeMetrics(s.db, q());
    expect(await computeMetrics(s.db, q())).toBe(first);
    await s.deploy({ service: "api", finishedAt: "2026-03-04T08:00:00Z" });
    const second = await computeMetrics(s.db, q());
    expect(second.deploymentFrequency.deployments).toBe(2);
    expect(await computeMetrics(s.db, q({ service: "api" }))).not.toBe(second);
  });

  it("computes a report once for requests that ask for it at the same time", async () => {
    const s = scenario();
    await s.deploy({ service: "api", finishedAt: "2026-03-03T08:00:00Z" });
    const [a, b] = await Promise.all([computeMetricsReport(s.db, q()), computeMetricsReport(s.db, q())]);
    expect(b).toBe(a);
  });

  it("never caches what it read inside a transaction that may roll back", async () => {
    const s = scenario();
    await expect(
      s.db.transaction(async () => {
        await s.deploy({ service: "api", finishedAt: "2026-03-03T08:00:00Z" });
        expect((await computeMetrics(s.db, q())).deploymentFrequency.deployments).toBe(1);
        throw new Error("rollback");
      }),
    ).rejects.toThrow(/rollback/i);
    expect((await computeMetrics(s.db, q())).deploymentFrequency.deployments).toBe(0);
  });
});
