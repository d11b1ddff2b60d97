import { describe, expect, it, vi } from "vitest";
import { deployments } from "../schema";
import { scenario } from "../test/scenario";
import { memoryDb } from "../test/temp-db";
import { listRecentDeployments } from "./lists";

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
