import { sql, type SQL } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Queryable } from "../database";
import { Random } from "../seed/random";
import { countedDeploymentsFromCtes, failedChangeRowsFromCtes, leadTimeRowsInFull, restoreRowsInFull } from "../test/drilldown-reference";
import { scenario } from "../test/scenario";
import {
  countedDeploymentsPage,
  countIncidents,
  failedChangesPage,
  leadTimePage,
  restorePage,
  type Page,
  type Seek,
} from "./metric-rows";
import type { MetricScope } from "./metrics";
import { allRows } from "../raw";

const H = 3_600_000;
const T0 = Date.parse("2026-03-01T00:00:00Z");
const iso = (ms: number) => new Date(ms).toISOString();

describe("the failures and deployments lists", () => {
  it("list exactly the deployments, failed changes, recoveries and rules the CTE definitions give, for any window and filter", async () => {
    const rules = new Set<string | null>();
    for (let seed = 1; seed <= 10; seed++) {
      const r = new Random(seed);
      const s = scenario();
      const deployments: number[] = [];
      for (let i = 0; i < 60; i++) {
        const service = r.pick(["api", "web", "db"]);
        const finished = T0 + Math.floor(r.next() * 6 * 24) * H + Math.floor(r.next() * 4) * 15 * 60_000;
        const rollbackOf = deployments.length && r.next() < 0.15 ? r.pick(deployments) : undefined;
        deployments.push(
          await s.deploy({
            service,
            team: service === "db" ? "data" : "shop",
            finishedAt: iso(finished),
            status: r.next() < 0.85 ? "success" : "failure",
            environment: r.next() < 0.85 ? "production" : "staging",
            changeFailed: r.next() < 0.1,
            rollbackOf,
          }),
        );
        if (r.next() < 0.15) {
          const started = finished + Math.floor(r.next() * 3) * H;
          await s.incident({ service, startedAt: iso(started), resolvedAt: r.next() < 0.7 ? iso(started + Math.floor(r.next() * 10) * H) : undefined, causedBy: r.pick(deployments) });
        }
      }
      const windows: MetricScope[] = [
        { from: new Date(T0), to: new Date(T0 + 7 * 24 * H), environment: "production" },
        { from: new Date(T0 + 30 * 60_000 + 26 * H), to: new Date(T0 + 5 * 24 * H - 7 * H), environment: "production" },
        { from: new Date(T0), to: new Date(T0 + 7 * 24 * H), environment: "staging" },
        { from: new Date(T0 + 24 * H), to: new Date(T0 + 4 * 24 * H), environment: "production", service: "api" },
        { from: new Date(T0), to: new Date(T0 + 7 * 24 * H), environment: "production", team: "shop" },
        { from: new Date(T0), to: new Date(T0 + 7 * 24 * H), environment: "production", services: ["web", "db"] },
      ];
      let listed = 0;
      for (const scope of windows) {
        const failedReference = await failedChangeRowsFromCtes(s.db.read, scope);
        const countedReference = await countedDeploymentsFromCtes(s.db.read, scope);
        // Page by page, forwards and back, the lists the definitions give.
        const size = 1 + (seed % 4);
        const rows = await walk((seek) => failedChangesPage(s.db.read, scope, seek), size);
        expect(rows, `failed pages, seed ${seed}, ${JSON.stringify(scope)}`).toEqual(failedReference);
        const counted = await walk((seek) => countedDeploymentsPage(s.db.read, scope, false, seek), size);
        expect(counted, `deployment pages, seed ${seed}, ${JSON.stringify(scope)}`).toEqual(countedReference);
        expect(await walk((seek) => countedDeploymentsPage(s.db.read, scope, true, seek), size), `rework pages, seed ${seed}`).toEqual(
          countedReference.filter((d) => d.rework),
        );
        expect(counted.filter((d) => d.failed).map((d) => d.id).sort()).toEqual(rows.map((f) => f.id).sort());
        listed += rows.length;
        for (const row of rows) rules.add(row.rule);
      }
      expect(listed, `seed ${seed} listed failed changes`).toBeGreaterThan(0);
    }
    expect([...rules].sort()).toEqual(["incidents resolved", "next deployment", "rollback", null].sort());
  });
});

/**
 * Every page of a list, first to last through `older`, then back again through `newer`, which must give
 * the same pages; returns the rows in order.
 */
async function walk<T>(read: (seek: Seek) => Promise<Page<T>>, limit: number): Promise<T[]> {
  const pages: Page<T>[] = [await read({ limit })];
  expect(pages[0]!.newer).toBeNull();
  while (pages.at(-1)!.older) {
    pages.push(await read({ limit, after: pages.at(-1)!.older! }));
    expect(pages.length).toBeLessThan(1000);
  }
  for (const [i, page] of pages.entries()) {
    expect(page.rows.length).toBe(i < pages.length - 1 ? limit : page.rows.length);
    if (i > 0) expect(page.newer).not.toBeNull();
  }
  for (let i = pages.length - 1; i > 0; i--) expect(await read({ limit, before: pages[i]!.newer! })).toEqual(pages[i - 1]);
  return pages.flatMap((p) => p.rows);
}

describe("pages of the drill-down lists", () => {
  const scope: MetricScope = { from: new Date(T0), to: new Date(T0 + 7 * 24 * H), environment: "production" };

  it("split ties of time by the tiebreaker, forwards and back, with nothing lost or repeated", async () => {
    const s = scenario();
    const same = iso(T0 + 24 * H);
    const ids: number[] = [];
    for (let i = 0; i < 7; i++) ids.push(await s.deploy({ service: i % 2 ? "api" : "web", finishedAt: same, changeFailed: true, unplanned: i % 3 === 0 }));
    ids.push(await s.deploy({ service: "api", finishedAt: iso(T0 + 2 * H) }));
    ids.push(await s.deploy({ service: "web", finishedAt: iso(T0 + 30 * H), commits: "gfedcba".split("").map((c, i) => ({ sha: c.repeat(40), at: iso(T0 + i * H) })) }));
    for (let i = 0; i < 5; i++) await s.incident({ service: "api", startedAt: same });
    for (const limit of [1, 2, 3, 7, 50]) {
      const deployments = await walk((seek) => countedDeploymentsPage(s.db.read, scope, false, seek), limit);
      expect(deployments.map((d) => d.id)).toEqual([ids[8], ...ids.slice(0, 7).reverse(), ids[7]]);
      expect(deployments).toEqual(await countedDeploymentsFromCtes(s.db.read, scope));
      expect(await walk((seek) => failedChangesPage(s.db.read, scope, seek), limit)).toEqual(await failedChangeRowsFromCtes(s.db.read, scope));
      const leads = await walk((seek) => leadTimePage(s.db.read, scope, seek), limit);
      expect(leads.map((l) => l.sha[0])).toEqual("abcdefg".split(""));
      expect(leads.map(({ commitId: _, ...l }) => l)).toEqual(await leadTimeRowsInFull(s.db.read, scope));
      const incidents = await walk((seek) => restorePage(s.db.read, scope, seek), limit);
      expect(incidents.map((i) => i.id)).toEqual([5, 4, 3, 2, 1]);
      expect(new Set(incidents)).toEqual(new Set(await restoreRowsInFull(s.db.read, scope)));
    }
    expect(await countIncidents(s.db.read, scope)).toBe(5);
    expect(await countIncidents(s.db.read, { ...scope, service: "web" })).toBe(0);
  });

  it("give an empty first page, with no pages either side, for an empty window", async () => {
    const s = scenario();
    await s.deploy({ service: "api", finishedAt: iso(T0 - H) });
    expect(await countedDeploymentsPage(s.db.read, scope, false, { limit: 50 })).toEqual({ rows: [], newer: null, older: null });
    expect(await leadTimePage(s.db.read, scope, { limit: 50, after: { at: T0, id: 1 } })).toEqual({ rows: [], newer: null, older: null });
  });

  /** The plan of every statement `run` prepares, one line per step. */
  async function plans(run: (q: Queryable) => Promise<unknown>): Promise<string[]> {
    const s = scenario();
    const seen: SQL[] = [];
    const q = new Proxy(s.db.read, {
      get(target, key) {
        const value = Reflect.get(target, key) as unknown;
        if (key === "all" || key === "get")
          return (query: SQL) => {
            seen.push(query);
            return (value as (query: SQL) => unknown).call(target, query);
          };
        return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
    await run(q);
    const out: string[] = [];
    for (const query of seen) out.push((await allRows<{ detail: string }>(s.db.read, sql`explain query plan ${query}`)).map((p) => p.detail).join("\n"));
    return out;
  }

  const cursor = { at: T0 + 24 * H, id: 5 };
  const seeks: [string, Seek][] = [
    ["the first page", { limit: 50 }],
    ["a page after a cursor", { limit: 50, after: cursor }],
    ["a page before a cursor", { limit: 50, before: cursor }],
  ];
  const scopes: [string, MetricScope][] = [
    ["every service", scope],
    ["one service", { ...scope, service: "api" }],
    ["a team", { ...scope, team: "shop" }],
    ["a wall's services", { ...scope, services: ["api", "web"] }],
  ];
  // The list's own table, sought through one of its time indexes (the ties of one time may be sought by either);
  // counted deployments are read through their view, which SQLite flattens into the deployments table.
  const kinds: [string, (q: Queryable, scope: MetricScope, seek: Seek) => Promise<unknown>, RegExp][] = [
    ["deployments", (q, sc, seek) => countedDeploymentsPage(q, sc, false, seek), /^SEARCH (d|deployments) USING (COVERING )?INDEX deployments_(delivered|finished|service_env_finished)_idx/m],
    ["rework", (q, sc, seek) => countedDeploymentsPage(q, sc, true, seek), /^SEARCH (d|deployments) USING (COVERING )?INDEX deployments_(delivered|finished|service_env_finished)_idx/m],
    ["lead time", leadTimePage, /^SEARCH cd USING INDEX commit_deliveries_(env_at|service_env_at)_idx/m],
    ["failures", failedChangesPage, /^SEARCH f USING INDEX failed_changes_(env|service_env)_finished_idx/m],
    ["incidents", restorePage, /^SEARCH i USING INDEX incidents_(service_)?started_idx/m],
  ];
  for (const [kind, page, index] of kinds)
    for (const [where, sc] of scopes)
      for (const [name, seek] of seeks)
        it(`${kind}, ${where}, ${name}: seeks the index in list order, never a scan or a sort of the window`, async () => {
          const all = await plans((q) => page(q, sc, seek));
          expect(all.length).toBeGreaterThan(0);
          for (const plan of all) {
            expect(plan).toMatch(index);
            expect(plan).not.toMatch(/^SCAN /m);
            // A sort of the ties of one time only ("LAST TERM(S)" / "RIGHT PART"), never of every row.
            expect(plan).not.toContain("TEMP B-TREE FOR ORDER BY");
          }
        });

  it("counts a window's incidents from the index alone", async () => {
    for (const sc of [scope, { ...scope, service: "api" }, { ...scope, team: "shop" }]) {
      const [plan] = await plans((q) => countIncidents(q, sc));
      expect(plan).toMatch(/USING COVERING INDEX incidents_(service_)?started_idx/);
      expect(plan).not.toMatch(/^SCAN /m);
    }
  });
});
