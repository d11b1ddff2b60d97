import { describe, expect, it } from "vitest";
import { groupByDay, mergeActivity } from "./recent-activity";
import type { ChangeRow, DeploymentRow, IncidentRow } from "@/db/queries/lists";

const deployment = (id: number, at: string): DeploymentRow => ({
  id, service: "api", serviceName: "API", team: "core", environment: "production", version: "1.0", status: "success",
  startedAt: new Date(at), finishedAt: new Date(at), deployedBy: null, rollbackOfId: null, unplanned: false, changeFailed: false,
});
const incident = (id: number, at: string, resolved?: string): IncidentRow => ({
  id, title: "Down", service: "api", serviceName: "API", team: "core", severity: "SEV2", status: resolved ? "resolved" : "investigating",
  startedAt: new Date(at), resolvedAt: resolved ? new Date(resolved) : null, lead: null,
});
const change = (id: number, at: string): ChangeRow => ({
  id, title: "Bump", service: "api", serviceName: "API", team: "core", type: "normal", risk: "low", status: "pending_approval",
  awaitingRetroactiveApproval: false, plannedStart: null, createdAt: new Date(at), requester: null,
});

describe("mergeActivity", () => {
  it("orders every kind newest first and keeps the limit", () => {
    const items = mergeActivity(
      [deployment(1, "2026-01-01T10:00:00Z"), deployment(2, "2026-01-03T10:00:00Z")],
      [incident(1, "2026-01-02T10:00:00Z", "2026-01-02T12:00:00Z")],
      [change(1, "2026-01-04T10:00:00Z")],
      3,
    );
    expect(items.map((i) => i.key)).toEqual(["change-1", "deployment-2", "incident-1"]);
    expect(items[2]!.summary).toBe("SEV2 resolved: Down");
  });
});

describe("groupByDay", () => {
  it("starts a new group at each UTC day", () => {
    const items = mergeActivity([deployment(1, "2026-01-01T23:59:00Z"), deployment(2, "2026-01-02T00:01:00Z"), deployment(3, "2026-01-02T08:00:00Z")], [], [], 10);
    expect(groupByDay(items).map((g) => [g.day, g.items.length])).toEqual([
      ["2026-01-02", 2],
      ["2026-01-01", 1],
    ]);
  });
});
