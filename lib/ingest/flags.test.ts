import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog } from "@/db/schema";
import { scenario } from "@/db/test/scenario";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { computeMetrics } from "@/lib/dora/metrics";
import { metricsQuerySchema } from "@/lib/dora/query";
import { setDeploymentFlag } from "./flags";

describe("deployment flags", () => {
  it("marks and unmarks a failed change, each audited, and the metrics follow", async () => {
    const s = scenario();
    const id = await s.deploy({ service: "api", finishedAt: "2026-03-10T10:00:00Z" });
    const q = metricsQuerySchema.parse({ from: "2026-03-09T00:00:00Z", to: "2026-03-11T00:00:00Z" });
    await setDeploymentFlag(s.db, CLI_ACTOR, id, "changeFailed", true);
    expect((await computeMetrics(s.db, q)).changeFailureRate.failed).toBe(1);
    await expect(setDeploymentFlag(s.db, CLI_ACTOR, id, "changeFailed", true)).rejects.toThrow(`Deployment ${id} is already a failed change.`);
    await setDeploymentFlag(s.db, CLI_ACTOR, id, "changeFailed", false);
    expect((await computeMetrics(s.db, q)).changeFailureRate.failed).toBe(0);
    await setDeploymentFlag(s.db, CLI_ACTOR, id, "unplanned", true);
    expect((await computeMetrics(s.db, q)).reworkRate.unplanned).toBe(1);
    expect((await s.db.read.select({ a: auditLog.action }).from(auditLog).where(eq(auditLog.entityType, "deployment"))).map((r) => r.a)).toEqual([
      "deployment.mark.changeFailed",
      "deployment.unmark.changeFailed",
      "deployment.mark.unplanned",
    ]);
  });
});
