import { describe, expect, it } from "vitest";
import { candidateDeployments } from "@/db/queries/incidents";
import { findIncidentById } from "@/db/queries/incidents";
import { scenario } from "@/db/test/scenario";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { computeMetrics } from "@/lib/dora/metrics";
import { metricsQuerySchema } from "@/lib/dora/query";
import { setCausingDeployment } from "./record";

describe("incident attribution", () => {
  it("offers the service's successful production deployments of the window before the start, newest first (issue 16, item 11)", async () => {
    const s = scenario();
    const old = await s.deploy({ service: "api", finishedAt: "2026-03-09T09:00:00Z" });
    const recent = await s.deploy({ service: "api", finishedAt: "2026-03-10T09:00:00Z" });
    const latest = await s.deploy({ service: "api", finishedAt: "2026-03-10T09:50:00Z" });
    await s.deploy({ service: "api", finishedAt: "2026-03-10T09:40:00Z", status: "failure" });
    await s.deploy({ service: "web", finishedAt: "2026-03-10T09:45:00Z" });
    await s.deploy({ service: "api", environment: "staging", finishedAt: "2026-03-10T09:55:00Z" });
    await s.deploy({ service: "api", finishedAt: "2026-03-10T10:30:00Z" });
    const id = await s.incident({ service: "api", startedAt: "2026-03-10T10:00:00Z" });
    const incident = (await findIncidentById(s.db.read, id))!;
    expect((await candidateDeployments(s.db.read, incident, 24)).map((d) => d.id)).toEqual([latest, recent]);
    expect((await candidateDeployments(s.db.read, incident, 48)).map((d) => d.id)).toEqual([latest, recent, old]);
  });

  it("counts a failed change only once a person confirms the cause, and can clear it", async () => {
    const s = scenario();
    const d = await s.deploy({ service: "api", finishedAt: "2026-03-10T09:50:00Z" });
    const id = await s.incident({ service: "api", startedAt: "2026-03-10T10:00:00Z", resolvedAt: "2026-03-10T11:00:00Z" });
    const q = metricsQuerySchema.parse({ from: "2026-03-09T00:00:00Z", to: "2026-03-11T00:00:00Z" });
    expect((await computeMetrics(s.db, q)).changeFailureRate.failed).toBe(0);
    await setCausingDeployment(s.db, CLI_ACTOR, id, d);
    expect((await computeMetrics(s.db, q)).changeFailureRate.failed).toBe(1);
    await setCausingDeployment(s.db, CLI_ACTOR, id, null);
    expect((await computeMetrics(s.db, q)).changeFailureRate.failed).toBe(0);
    await expect(setCausingDeployment(s.db, CLI_ACTOR, id, 999)).rejects.toThrow("Deployment 999 was not found.");
  });
});
