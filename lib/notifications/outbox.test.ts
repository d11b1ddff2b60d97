import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { getDatabase } from "@/db/client";
import { execute } from "@/db/raw";
import { findUserByEmail } from "@/db/queries/users";
import { notificationOutbox, type NotificationEventType } from "@/db/schema";
import { processDatabase } from "@/db/test/engine";
import { CLI_ACTOR, type UserActor } from "@/lib/auth/actor";
import { getAuth } from "@/lib/auth/auth";
import { decideChange } from "@/lib/changes/decide";
import { changeJson } from "@/lib/changes/json";
import { submitChange } from "@/lib/changes/submit";
import { incidentPayload } from "@/lib/incidents/json";
import { patchIncident, recordIncident } from "@/lib/incidents/record";
import { moveIncident } from "@/lib/incidents/respond";
import { deploymentJson } from "@/lib/ingest/json";
import { recordDeployments } from "@/lib/ingest/deployments";
import { createUserAccount } from "@/lib/users/users";
import { channelKey, createChannel, setChannelEnabled } from "./channels";
import { emitEvent } from "./emit";
import { subjectNotification, type RenderedEvent } from "./events";
import { newChannelSchema } from "./schema";

processDatabase();

let approver: UserActor;
let all: number;

beforeAll(async () => {
  const db = getDatabase();
  await createUserAccount(await getAuth(), db, CLI_ACTOR, { email: "approver@example.com", name: "Ann Approver", role: "approver", password: "approver-password-1" });
  approver = { type: "user", id: (await findUserByEmail(db.read, "approver@example.com"))!.id, label: "Ann", role: "approver" };
  all = (await channel({ kind: "webhook", name: "everything", target: "http://127.0.0.1:9/all" })).id;
});

async function channel(input: Record<string, string>) {
  const db = getDatabase();
  return (await createChannel(db, CLI_ACTOR, await channelKey(db, undefined), newChannelSchema.parse(input), true)).channel;
}

let mark = 0;
beforeEach(async () => {
  mark = (await outbox()).reduce((m, r) => Math.max(m, r.id), 0);
});

async function outbox() {
  return getDatabase().read.select().from(notificationOutbox).orderBy(notificationOutbox.id);
}
/** The messages written since the test began, for one channel (the catch-all one unless named). */
async function newMessages(channelId = all) {
  return (await outbox()).filter((r) => r.id > mark && r.channelId === channelId).map((r) => ({ ...r, payload: r.payload as RenderedEvent }));
}
const asApi = (v: unknown) => JSON.parse(JSON.stringify(v));

const declare = (title: string, service = "checkout") => recordIncident(getDatabase(), CLI_ACTOR, "test", { title, service, severity: "SEV2", startedAt: new Date("2026-11-20T14:00:00Z") });

describe("every event type's message: {type, timestamp, data} with data as the API returns the subject", () => {
  it("incident.declared", async () => {
    const { incident } = await declare("Checkout down");
    const [m, ...more] = await newMessages();
    expect(more).toEqual([]);
    expect(m!.event).toBe("incident.declared");
    expect(m!.messageId).toMatch(/^msg_[\w-]{20,}$/);
    expect(m!.payload).toMatchObject({ type: "incident.declared", timestamp: incident.createdAt.toISOString(), data: asApi(await incidentPayload(getDatabase().read, incident)), path: `/incidents/${incident.id}` });
    expect(m!.payload.title).toBe("SEV2 incident declared: Checkout down");
  });

  it("incident.updated, for a real change only", async () => {
    const { incident } = await declare("Slow search");
    mark = (await outbox()).at(-1)!.id;
    const after = await patchIncident(getDatabase(), CLI_ACTOR, "test", incident.id, { severity: "SEV1" });
    await patchIncident(getDatabase(), CLI_ACTOR, "test", incident.id, { severity: "SEV1" });
    const messages = await newMessages();
    expect(messages.map((m) => m.event)).toEqual(["incident.updated"]);
    expect(messages[0]!.payload.data).toEqual(asApi(await incidentPayload(getDatabase().read, after)));
  });

  it("incident.updated when the communications role changes hands", async () => {
    const { incident } = await declare("Status page stale");
    mark = (await outbox()).at(-1)!.id;
    await patchIncident(getDatabase(), CLI_ACTOR, "test", incident.id, { communications: "approver@example.com" });
    const [m, ...more] = await newMessages();
    expect(more).toEqual([]);
    expect(m).toMatchObject({ event: "incident.updated", payload: { data: { communications: "approver@example.com" } } });
  });

  it("incident.resolved", async () => {
    const { incident } = await declare("Queue stuck");
    mark = (await outbox()).at(-1)!.id;
    const resolved = await moveIncident(getDatabase(), CLI_ACTOR, incident.id, "resolved");
    const messages = await newMessages();
    expect(messages.map((m) => m.event)).toEqual(["incident.resolved"]);
    expect(messages[0]!.payload.data).toEqual(asApi(await incidentPayload(getDatabase().read, resolved)));
  });

  it("change.submitted and change.decided", async () => {
    const change = await submitChange(getDatabase(), CLI_ACTOR, "test", { title: "Rotate keys", service: "checkout", type: "normal", risk: "low", plannedStart: new Date("2030-01-01T10:00:00Z"), plannedEnd: new Date("2030-01-01T11:00:00Z") });
    const { change: decided } = await decideChange(getDatabase(), approver, change.id, "approved", "fine");
    const messages = await newMessages();
    expect(messages.map((m) => m.event)).toEqual(["change.submitted", "change.decided"]);
    expect(messages[0]!.payload.data).toEqual(asApi(changeJson(change, "checkout")));
    expect(messages[1]!.payload.data).toEqual(asApi(changeJson(decided, "checkout")));
    expect(messages[1]!.payload.title).toBe(`Change #${change.id} approved: Rotate keys`);
  });

  it("change.decided when an emergency change carried out before its approval gets it", async () => {
    const change = await submitChange(getDatabase(), CLI_ACTOR, "test", { title: "Hotfix TLS", service: "checkout", type: "emergency", risk: "low", plannedStart: new Date("2026-11-20T14:00:00Z"), plannedEnd: new Date("2026-11-20T15:00:00Z") });
    await recordDeployments(getDatabase(), CLI_ACTOR, "test", [{ service: "checkout", environment: "production", status: "success", finishedAt: new Date("2026-11-20T14:10:00Z"), externalId: "emergency-1", changeRequest: change.id }], false);
    mark = (await outbox()).at(-1)!.id;
    const { change: decided } = await decideChange(getDatabase(), approver, change.id, "approved", "fine, after the fact");
    expect(decided).toMatchObject({ status: "implemented", awaitingRetroactiveApproval: false });
    const messages = await newMessages();
    expect(messages.map((m) => m.event)).toEqual(["change.decided"]);
    expect(messages[0]!.payload.data).toEqual(asApi(changeJson(decided, "checkout")));
    expect(messages[0]!.payload.title).toBe(`Change #${change.id} approved after it was carried out: Hotfix TLS`);
  });

  it("deployment.failed, once when a deployment fails, with its commits; never for a success", async () => {
    const post = (status: "success" | "failure", externalId: string) =>
      recordDeployments(getDatabase(), CLI_ACTOR, "test", [{ service: "checkout", environment: "production", status, finishedAt: new Date("2026-11-20T14:00:00Z"), externalId, commits: [{ sha: "abc1234", timestamp: new Date("2026-11-20T13:00:00Z") }] }], false);
    await post("success", "run-1");
    const [failed] = await post("failure", "run-2");
    await post("failure", "run-2");
    const messages = await newMessages();
    expect(messages.map((m) => m.event)).toEqual(["deployment.failed"]);
    expect(messages[0]!.payload.data).toEqual(asApi(deploymentJson(failed!.deployment, "checkout", ["abc1234"])));
  });

  it.each(["gate.denied", "action_item.overdue", "oncall.handoff"] as const)("%s, from its caller's subject", async (type) => {
    const data = { service: "checkout", reasons: [{ code: "freeze", message: "A freeze is in force" }] };
    await getDatabase().transaction((tx) => emitEvent(tx, subjectNotification(type, { data, text: { title: { key: "Notifications.overdue", values: { title: type } }, facts: [] }, path: "/services/checkout", service: "checkout", team: null, at: new Date() })));
    const [m] = await newMessages();
    expect(m!.payload).toMatchObject({ type, data, title: `Action item overdue: ${type}` });
  });
});

describe("routing and the transaction", () => {
  it("a channel gets only its event types, and with a team only that team's services", async () => {
    const declaredOnly = await channel({ kind: "slack", name: "declared only", target: "http://127.0.0.1:9/d", events: "incident.declared" });
    await getDatabase().transaction(async (tx) => {
      await declare("make the service", "ledger");
      await execute(tx, sql`update services set team = 'payments' where slug = 'ledger'`);
    });
    const payments = await channel({ kind: "teams", name: "payments", target: "http://127.0.0.1:9/p", team: "payments" });
    mark = (await outbox()).at(-1)!.id;
    const { incident } = await declare("Ledger down", "ledger");
    await declare("Search down", "search");
    await moveIncident(getDatabase(), CLI_ACTOR, incident.id, "resolved");
    expect((await newMessages(declaredOnly.id)).map((m) => [m.event, m.payload.service])).toEqual([
      ["incident.declared", "ledger"],
      ["incident.declared", "search"],
    ]);
    expect((await newMessages(payments.id)).map((m) => [m.event, m.payload.team])).toEqual([
      ["incident.declared", "payments"],
      ["incident.resolved", "payments"],
    ]);
    await setChannelEnabled(getDatabase(), CLI_ACTOR, declaredOnly.id, false);
    await setChannelEnabled(getDatabase(), CLI_ACTOR, payments.id, false);
  });

  it("a change that is refused or rolled back leaves no message behind", async () => {
    await expect(recordIncident(getDatabase(), CLI_ACTOR, "test", { title: "Bad times", service: "checkout", severity: "SEV2", startedAt: new Date("2026-11-20T14:00:00Z"), acknowledgedAt: new Date("2026-11-20T13:00:00Z") })).rejects.toThrow();
    await expect(
      getDatabase().transaction(async () => {
        await declare("Rolled back");
        throw new Error("later step failed");
      }),
    ).rejects.toThrow("later step failed");
    expect(await newMessages()).toEqual([]);
  });

  it("a disabled channel gets nothing", async () => {
    const off = await channel({ kind: "webhook", name: "off", target: "http://127.0.0.1:9/off" });
    await setChannelEnabled(getDatabase(), CLI_ACTOR, off.id, false);
    await declare("Nobody hears");
    expect(await newMessages(off.id)).toEqual([]);
  });

  it("lists every contract event type", async () => {
    const { NOTIFICATION_EVENTS } = await import("@/db/schema");
    expect(NOTIFICATION_EVENTS).toEqual<NotificationEventType[]>([
      "incident.declared",
      "incident.updated",
      "incident.resolved",
      "change.submitted",
      "change.decided",
      "deployment.failed",
      "gate.denied",
      "action_item.overdue",
      "oncall.handoff",
    ]);
  });
});
