import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { commits } from "@/db/schema";
import { scenario } from "@/db/test/scenario";
import { describeDrilldown, drilldownBatches, drilldownPageSchema, drilldownTotal, loadDrilldown, loadDrilldownPage } from "./drilldown";
import { drilldownCsv, drilldownCsvStream } from "./drilldown-csv";
import { DRILLDOWNS } from "./links";
import { computeMetrics } from "./metrics";
import { metricsQuerySchema } from "./query";

const query = metricsQuerySchema.parse({ from: "2026-03-02T00:00:00Z", to: "2026-03-30T00:00:00Z" });

async function build() {
  const s = scenario();
  const a = await s.deploy({ service: "api", finishedAt: "2026-03-03T10:00:00Z", commits: [{ sha: "aaaaaaaaaaaaaaaa", at: "2026-03-03T08:00:00Z" }] });
  const rb = await s.deploy({ service: "api", finishedAt: "2026-03-03T10:30:00Z", rollbackOf: a });
  const b = await s.deploy({ service: "web", finishedAt: "2026-03-04T10:00:00Z", commits: [{ sha: "bbbbbbbbbbbbbbbb", at: "2026-03-04T09:00:00Z" }] });
  const inc = await s.incident({ service: "web", startedAt: "2026-03-04T10:05:00Z", acknowledgedAt: "2026-03-04T10:07:00Z", resolvedAt: "2026-03-04T11:00:00Z", causedBy: b });
  const c = await s.deploy({ service: "ops", finishedAt: "2026-03-05T10:00:00Z", changeFailed: true });
  const next = await s.deploy({ service: "ops", finishedAt: "2026-03-05T12:00:00Z", unplanned: true });
  await s.deploy({ service: "ops", finishedAt: "2026-02-05T12:00:00Z" });
  return { s, ids: { a, rb, b, inc, c, next } };
}

describe("drill-downs list exactly what the figures count", () => {
  it("deployments: the members of D, newest first", async () => {
    const { s, ids } = await build();
    const table = await loadDrilldown(s.db.read, "deployments", query);
    expect(table.rows.map((r) => r.id)).toEqual([ids.next, ids.c, ids.b, ids.rb, ids.a]);
    expect(table.rows).toHaveLength((await computeMetrics(s.db, query)).deploymentFrequency.deployments);
    expect(table.rows.filter((r) => r.failed).map((r) => r.id)).toEqual([ids.c, ids.b, ids.a]);
  });

  it("rework: unplanned deployments and rollbacks", async () => {
    const { s, ids } = await build();
    expect((await loadDrilldown(s.db.read, "rework", query)).rows.map((r) => r.id)).toEqual([ids.next, ids.rb]);
  });

  it("lead time: each commit with its delivering deployment and lead", async () => {
    const { s, ids } = await build();
    const rows = (await loadDrilldown(s.db.read, "lead-time", query)).rows;
    expect(rows.map((r) => [r.sha, r.deploymentId, r.seconds])).toEqual([
      ["bbbbbbbbbbbb", ids.b, 3600],
      ["aaaaaaaaaaaa", ids.a, 7200],
    ]);
  });

  it("failures: how each failed and which rule recovered it", async () => {
    const { s, ids } = await build();
    const rows = (await loadDrilldown(s.db.read, "failures", query)).rows;
    expect(rows.map((r) => [r.id, r.rule, r.seconds, r.rollbackId, r.incidentIds])).toEqual([
      [ids.c, "next deployment", 7200, null, null],
      [ids.b, "incidents resolved", 3600, null, String(ids.inc)],
      [ids.a, "rollback", 1800, ids.rb, null],
    ]);
    expect(rows).toHaveLength((await computeMetrics(s.db, query)).changeFailureRate.failed);
  });

  it("incidents: restore and acknowledge times", async () => {
    const { s, ids } = await build();
    expect((await loadDrilldown(s.db.read, "incidents", query)).rows).toEqual([
      expect.objectContaining({ id: ids.inc, ackSeconds: 120, restoreSeconds: 3300 }),
    ]);
  });
});

describe("drill-down pages, totals and CSV", () => {
  it("pages through each list with plain cursors, back to the first page, and totals come from the figures", async () => {
    const { s } = await build();
    for (let i = 0; i < 4; i++) await s.incident({ service: "api", startedAt: "2026-03-06T10:00:00Z" });
    for (const kind of DRILLDOWNS) {
      const all = (await loadDrilldown(s.db.read, kind, query)).rows;
      expect(await drilldownTotal(s.db, kind, query), kind).toBe(all.length);
      const pages = [await loadDrilldownPage(s.db.read, kind, query, {}, 2)];
      while (pages.at(-1)!.older) pages.push(await loadDrilldownPage(s.db.read, kind, query, drilldownPageSchema.parse({ after: pages.at(-1)!.older }), 2));
      expect(pages.flatMap((p) => p.rows), kind).toEqual(all);
      expect(pages[0]!.newer).toBeNull();
      if (pages.length > 1) {
        expect(pages[1]!.newer).toMatch(/^\d+\.\d+$/);
        expect(await loadDrilldownPage(s.db.read, kind, query, drilldownPageSchema.parse({ before: pages[1]!.newer }), 2)).toEqual(pages[0]);
      }
    }
  });

  it("rejects a bad cursor with a message the page can show", () => {
    for (const bad of [{ after: "x" }, { before: "12" }, { after: "1.2.3" }, { after: "1e9.2" }, { after: "1767225600000.2147483648" }, { after: "1.2", before: "1.1" }]) {
      const parsed = drilldownPageSchema.safeParse(bad);
      expect(parsed.success, JSON.stringify(bad)).toBe(false);
      expect(parsed.error!.issues[0]!.message).toMatch(/cursor|cannot both/);
    }
    expect(drilldownPageSchema.parse({ after: " 1767225600000.42 " })).toEqual({ after: { at: 1767225600000, id: 42 } });
    expect(drilldownPageSchema.parse({ before: "-100.3" })).toEqual({ before: { at: -100, id: 3 } });
    expect(drilldownPageSchema.parse({})).toEqual({});
  });

  it("streams the CSV batch by batch, byte for byte the CSV of every row (escaping and formula guard included)", async () => {
    const { s } = await build();
    await s.deploy({ service: "api", finishedAt: "2026-03-07T10:00:00Z", commits: [{ sha: "cccccccccccccccc", at: "2026-03-07T09:00:00Z" }] });
    await s.db.transaction((tx) => tx.update(commits).set({ message: '=HYPERLINK("x"), then "quoted"\nline' }).where(eq(commits.sha, "cccccccccccccccc")));
    for (const kind of DRILLDOWNS) {
      const whole = drilldownCsv(await loadDrilldown(s.db.read, kind, query));
      for (const batch of [1, 2, 1000]) {
        const chunks: string[] = [];
        const reader = drilldownCsvStream(describeDrilldown(kind), drilldownBatches(s.db.read, kind, query, batch)).getReader();
        for (let r = await reader.read(); !r.done; r = await reader.read()) chunks.push(new TextDecoder().decode(r.value));
        expect(chunks.join(""), `${kind}, batches of ${batch}`).toBe(whole);
        if (batch === 1) expect(chunks.length, kind).toBe(1 + (await loadDrilldown(s.db.read, kind, query)).rows.length);
      }
    }
    const leads = drilldownCsv(await loadDrilldown(s.db.read, "lead-time", query));
    expect(leads).toContain(`"'=HYPERLINK(""x""), then ""quoted""\nline"`);
  });

  it("reads a batch only when the stream is pulled", async () => {
    const { s } = await build();
    let read = 0;
    async function* batches() {
      for await (const b of drilldownBatches(s.db.read, "deployments", query, 1)) {
        read++;
        yield b;
      }
    }
    const reader = drilldownCsvStream(describeDrilldown("deployments"), batches()).getReader();
    await reader.read();
    await reader.read();
    expect(read).toBeLessThanOrEqual(2);
    await reader.cancel();
  });
});
