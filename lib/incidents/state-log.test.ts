import { asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { incidentUpdates, timelineEvents, user } from "@/db/schema";
import { scenario } from "@/db/test/scenario";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { patchIncident, recordIncident, setCausingDeployment } from "./record";
import { acknowledgeIncident, moveIncident, savePostmortem, setIncidentCommunications, setIncidentLead } from "./respond";

async function history(s: ReturnType<typeof scenario>, id: number) {
  const updates = await s.db.read.select().from(incidentUpdates).where(eq(incidentUpdates.incidentId, id)).orderBy(asc(incidentUpdates.id));
  const events = await s.db.read.select().from(timelineEvents).where(eq(timelineEvents.subjectId, id)).orderBy(asc(timelineEvents.id));
  return {
    updates: updates.map((u) => [u.kind, u.kind === "status" || u.kind === "declared" ? u.status : u.body]),
    events: events.filter((e) => e.type === "incident").map((e) => [e.action, e.summary]),
  };
}

describe("an incident's state changes (issue 16, item 6; communications: issue 17, item 3)", () => {
  it("every change is in the Updates list and on the timeline: declared, acknowledged, lead, communications, severity, cause, resolved, reopened, postmortem", async () => {
    const s = scenario();
    const deployment = await s.deploy({ service: "api", finishedAt: "2026-11-20T13:00:00Z" });
    const now = new Date();
    await s.db.transaction((tx) => tx.insert(user).values({ id: "u-ana", name: "Ana Diaz", email: "ana@example.com", role: "engineer", createdAt: now, updatedAt: now }));
    const { incident } = await recordIncident(s.db, CLI_ACTOR, "test", { title: "Checkout down", service: "api", severity: "SEV3", startedAt: new Date("2026-11-20T14:00:00Z") });
    const id = incident.id;

    await acknowledgeIncident(s.db, CLI_ACTOR, id);
    await setIncidentLead(s.db, CLI_ACTOR, id, "u-ana");
    await setIncidentCommunications(s.db, CLI_ACTOR, id, "ana@example.com");
    await patchIncident(s.db, CLI_ACTOR, "test", id, { severity: "SEV2" });
    await setCausingDeployment(s.db, CLI_ACTOR, id, deployment);
    await setCausingDeployment(s.db, CLI_ACTOR, id, null);
    await moveIncident(s.db, CLI_ACTOR, id, "resolved");
    await moveIncident(s.db, CLI_ACTOR, id, "investigating");
    await setIncidentLead(s.db, CLI_ACTOR, id, null);
    await patchIncident(s.db, CLI_ACTOR, "test", id, { communications: null });
    await savePostmortem(s.db, CLI_ACTOR, id, "## What happened");

    const { updates, events } = await history(s, id);
    expect(updates).toEqual([
      ["declared", "investigating"],
      ["acknowledged", null],
      ["lead", "Ana Diaz"],
      ["communications", "Ana Diaz"],
      ["severity", "SEV3 → SEV2"],
      ["cause", String(deployment)],
      ["cause", null],
      ["status", "resolved"],
      ["status", "investigating"],
      ["lead", null],
      ["communications", null],
      ["postmortem", null],
    ]);
    expect(events).toEqual([
      ["declared", "SEV3 declared: Checkout down"],
      ["acknowledged", "SEV3 acknowledged: Checkout down"],
      ["lead changed", "SEV3 led by Ana Diaz: Checkout down"],
      ["communications changed", "SEV3 Ana Diaz handles communications: Checkout down"],
      ["severity changed", "SEV2 severity raised from SEV3: Checkout down"],
      ["cause linked", `SEV2 caused by deployment #${deployment}: Checkout down`],
      ["cause unlinked", "SEV2 cause unlinked: Checkout down"],
      ["resolved", "SEV2 resolved: Checkout down"],
      ["reopened", "SEV2 reopened: Checkout down"],
      ["lead changed", "SEV2 lead cleared: Checkout down"],
      ["communications changed", "SEV2 communications role cleared: Checkout down"],
      ["postmortem written", "SEV2 postmortem written: Checkout down"],
    ]);
  });

  it("an incident created already acknowledged and linked says so, once", async () => {
    const s = scenario();
    const deployment = await s.deploy({ service: "api", finishedAt: "2026-11-20T13:00:00Z" });
    const { incident } = await recordIncident(s.db, CLI_ACTOR, "test", {
      title: "Slow",
      service: "api",
      severity: "SEV2",
      startedAt: new Date("2026-11-20T14:00:00Z"),
      acknowledgedAt: new Date("2026-11-20T14:05:00Z"),
      causedBy: deployment,
    });
    const { updates, events } = await history(s, incident.id);
    expect(updates).toEqual([["declared", "investigating"], ["acknowledged", null], ["cause", String(deployment)]]);
    expect(events.map(([action]) => action)).toEqual(["declared", "acknowledged", "cause linked"]);
    const acknowledged = (await s.db.read.select().from(timelineEvents).where(eq(timelineEvents.action, "acknowledged")))[0]!;
    expect(acknowledged.at).toEqual(new Date("2026-11-20T14:05:00Z"));
    // Sending the same state again changes nothing, so it logs nothing.
    await patchIncident(s.db, CLI_ACTOR, "test", incident.id, { severity: "SEV2", causedBy: deployment });
    expect((await history(s, incident.id)).updates).toHaveLength(3);
  });
});
