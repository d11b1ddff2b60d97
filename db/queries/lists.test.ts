import { describe, expect, it, vi } from "vitest";
import { changeRequests, deployments, user, type ChangeStatus } from "../schema";
import { scenario } from "../test/scenario";
import { memoryDb } from "../test/temp-db";
import { countChanges, listChangeRequesters, listChanges, listRecentDeployments } from "./lists";

describe("listRecentDeployments", () => {
  it("lists newest first by when each happened (finished, else started, else recorded), then by id", async () => {
    const s = scenario();
    const early = await s.deploy({ service: "api", finishedAt: "2026-03-01T10:00:00Z" });
    const late = await s.deploy({ service: "web", finishedAt: "2026-03-03T10:00:00Z" });
    const tie = await s.deploy({ service: "api", finishedAt: "2026-03-03T10:00:00Z" });
    const serviceId = await s.service("api");
    const [running] = await s.db.transaction(async (tx) =>
      tx
        .insert(deployments)
        .values({ serviceId, environment: "production", status: "in_progress", startedAt: new Date("2026-03-02T10:00:00Z"), source: "test", createdAt: new Date("2026-03-05T00:00:00Z"), updatedAt: new Date() })
        .returning({ id: deployments.id }),
    );
    expect((await listRecentDeployments(s.db.read, 10)).map((d) => d.id)).toEqual([tie, late, running!.id, early]);
    expect((await listRecentDeployments(s.db.read, 2, { service: "api" })).map((d) => d.id)).toEqual([tie, running!.id]);
  });

  it.each([
    [undefined, "deployments_recent_idx"],
    ["api", "deployments_service_recent_idx"],
  ])("reads the newest (service %s) through %s instead of sorting every deployment", async (service, index) => {
    const { db, sqlite } = memoryDb();
    const prepare = vi.spyOn(sqlite, "prepare");
    await listRecentDeployments(db.read, 100, { service });
    const source = prepare.mock.calls.map(([sql]) => sql).find((sql) => sql.includes("coalesce"))!;
    prepare.mockRestore();
    const params = Array.from(source.matchAll(/\?/g), () => 100);
    const plan = (sqlite.prepare(`explain query plan ${source}`).all(...params) as { detail: string }[]).map((p) => p.detail).join("\n");
    expect(plan).toContain(`USING INDEX ${index}`);
    expect(plan).not.toContain("TEMP B-TREE");
  });
});

describe("listChanges on a service page (issue 16, item 11)", () => {
  const now = new Date("2026-12-05T12:00:00Z");
  async function file(s: ReturnType<typeof scenario>, title: string, status: ChangeStatus, plannedEnd: string | null) {
    const serviceId = await s.service("api");
    const created = new Date("2026-08-01T00:00:00Z");
    const end = plannedEnd ? new Date(plannedEnd) : null;
    await s.db.transaction((tx) =>
      tx.insert(changeRequests).values({ serviceId, title, type: "normal", risk: "low", status, plannedStart: end && new Date(end.getTime() - 3_600_000), plannedEnd: end, source: "test", createdAt: created, updatedAt: created }),
    );
  }

  it("lists as open only what someone can still act on; approved or draft changes whose window ended are stale", async () => {
    const s = scenario();
    await file(s, "pending, window long gone", "pending_approval", "2026-09-01T00:00:00Z");
    await file(s, "approved, window ahead", "approved", "2026-12-06T00:00:00Z");
    await file(s, "approved, window ending now", "approved", "2026-12-05T12:00:00Z");
    await file(s, "approved months ago", "approved", "2026-09-10T00:00:00Z");
    await file(s, "draft, no window", "draft", null);
    await file(s, "draft, window gone", "draft", "2026-10-01T00:00:00Z");
    await file(s, "implemented", "implemented", "2026-09-10T00:00:00Z");
    await file(s, "rejected", "rejected", "2026-12-06T00:00:00Z");
    const titles = async (filter: Parameters<typeof listChanges>[2]) => (await listChanges(s.db.read, 50, { service: "api", ...filter })).map((c) => c.title).sort();
    expect(await titles({ actionableAt: now })).toEqual(["approved, window ahead", "approved, window ending now", "draft, no window", "pending, window long gone"]);
    expect(await titles({ staleAt: now })).toEqual(["approved months ago", "draft, window gone"]);
  });
});

describe("listChanges on the change list (issue 16, best tools)", () => {
  it("filters by status, type and requester, and pages newest first", async () => {
    const s = scenario();
    const serviceId = await s.service("api");
    const at = (i: number) => new Date(Date.UTC(2026, 7, 1, 0, i));
    await s.db.transaction(async (tx) => {
      await tx.insert(user).values(["ann", "bob"].map((id) => ({ id, name: id, email: `${id}@example.com`, role: "engineer" as const, createdAt: at(0), updatedAt: at(0) })));
      await tx.insert(changeRequests).values(
        Array.from({ length: 6 }, (_, i) => ({
          serviceId,
          title: `c${i}`,
          type: i % 2 ? ("standard" as const) : ("normal" as const),
          risk: "low" as const,
          status: i < 3 ? ("approved" as const) : ("pending_approval" as const),
          requesterId: i < 4 ? "ann" : "bob",
          source: "test",
          createdAt: at(i),
          updatedAt: at(i),
        })),
      );
    });
    const titles = async (filter: Parameters<typeof listChanges>[2], limit = 50, offset = 0) => (await listChanges(s.db.read, limit, filter, offset)).map((c) => c.title);
    expect(await titles({ status: "approved" })).toEqual(["c2", "c1", "c0"]);
    expect(await titles({ type: "standard" })).toEqual(["c5", "c3", "c1"]);
    expect(await titles({ requesterId: "bob" })).toEqual(["c5", "c4"]);
    expect(await titles({ status: "pending_approval", requesterId: "ann" })).toEqual(["c3"]);
    expect(await countChanges(s.db.read, { requesterId: "ann" })).toBe(4);
    expect([await titles({}, 4), await titles({}, 4, 4)]).toEqual([["c5", "c4", "c3", "c2"], ["c1", "c0"]]);
    expect(await listChangeRequesters(s.db.read)).toEqual([{ id: "ann", name: "ann" }, { id: "bob", name: "bob" }]);
  });
});
