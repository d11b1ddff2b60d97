import { describe, expect, it } from "vitest";
import type { Deployment, Incident } from "@/db/schema";
import { deploymentEvent, incidentEvent } from "./events";

const at = new Date("2026-03-10T10:00:00Z");
const deployment = (o: Partial<Deployment>): Deployment => ({
  id: 7, serviceId: 1, environment: "production", version: "1.2.3", sha: null, status: "success", startedAt: at, finishedAt: at, source: "t",
  externalId: "run-7", rollbackOfId: null, unplanned: false, changeFailed: false, changeRequestId: null, deployedBy: null, url: null, createdAt: at, updatedAt: at, ...o,
});

describe("timeline events", () => {
  it("says what happened to a deployment", () => {
    expect(deploymentEvent(deployment({}), "api")).toMatchObject({ action: "succeeded", summary: "api 1.2.3 deployed to production", subjectExternalId: "run-7" });
    expect(deploymentEvent(deployment({ status: "failure" }), "api")).toMatchObject({ action: "failed", summary: "api 1.2.3 failed to deploy to production" });
    expect(deploymentEvent(deployment({ rollbackOfId: 3 }), "api")).toMatchObject({ action: "rolled back", summary: "api rolled back to 1.2.3 in production" });
    expect(deploymentEvent(deployment({ status: "in_progress", finishedAt: null, version: null, sha: "abcdef1234567" }), "api")).toMatchObject({ action: "started", summary: "api abcdef1234 deploying to production" });
  });

  it("declares, moves and reopens incidents", () => {
    const incident = { id: 1, serviceId: 1, title: "Down", severity: "SEV2", status: "investigating", externalId: null } as Incident;
    expect(incidentEvent(incident, null, at)).toMatchObject({ action: "declared", summary: "SEV2 declared: Down" });
    expect(incidentEvent({ ...incident, status: "resolved" }, "monitoring", at)).toMatchObject({ action: "resolved", summary: "SEV2 resolved: Down" });
    expect(incidentEvent(incident, "resolved", at)).toMatchObject({ action: "reopened", summary: "SEV2 reopened: Down" });
  });
});
