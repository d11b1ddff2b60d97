import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "@/db/test/engine";
import type { Database } from "@/db/database";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { recordDeployments } from "@/lib/ingest/deployments";
import { deploymentInputSchema } from "@/lib/ingest/schema";
import { upsertService } from "@/lib/services/services";
import { TEST_NOW } from "@/lib/testing/clock";
import { wallData } from "./data";

/*
 * Issue 16: the wall's heatmap and weekly trends, read on each engine through the view's scope:
 * production deployments of the view's team only.
 */
let db: Database;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ db, close } = await freshDatabase());
  await upsertService(db, CLI_ACTOR, "pay-api", { team: "payments" });
  await upsertService(db, CLI_ACTOR, "search-api", { team: "discovery" });
  const deploy = (service: string, finishedAt: string, externalId: string, environment = "production") => deploymentInputSchema.parse({ service, status: "success", finishedAt, externalId, environment });
  await recordDeployments(
    db,
    CLI_ACTOR,
    "test",
    [
      deploy("pay-api", "2026-11-20T13:00:00Z", "a"),
      deploy("pay-api", "2026-11-20T14:10:00Z", "b"),
      deploy("pay-api", "2026-11-18T01:00:00Z", "c"),
      deploy("pay-api", "2026-11-20T10:00:00Z", "d", "staging"),
      deploy("search-api", "2026-11-20T13:30:00Z", "e"),
    ],
    true,
  );
});
afterAll(() => close());

describe("the wall's heatmap and trends", () => {
  it("count a view's production deployments by day and block of hours, and draw its weeks", async () => {
    const [view] = (await wallData(db, [{ name: "Payments", team: "payments", panels: "all" }], 30, TEST_NOW)).views;
    if (view?.panels !== "all") throw new Error("expected a full view");
    expect(view.heatmap.days.find((d) => d.day === "2026-11-20")?.cells).toEqual([0, 0, 0, 0, 2, 0, 0, 0]);
    expect(view.heatmap.days.find((d) => d.day === "2026-11-18")?.cells).toEqual([1, 0, 0, 0, 0, 0, 0, 0]);
    expect(view.heatmap.max).toBe(2);
    expect(view.weeks.at(-1)).toEqual({ weekStart: "2026-11-16T00:00:00.000Z", days: 5 });
    expect(view.metrics.deploymentFrequency.weekly.at(-1)).toBeCloseTo(3 / 5);
    expect(view.metrics.deploymentFrequency.weekly).toHaveLength(view.weeks.length);
  });
});
