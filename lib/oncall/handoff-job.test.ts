import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { notificationOutbox, user } from "@/db/schema";
import { allRows } from "@/db/raw";
import { latestHandoff } from "@/db/queries/teams";
import { processDatabase } from "@/db/test/engine";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { recordIncident } from "@/lib/incidents/record";
import { recordDeployments } from "@/lib/ingest/deployments";
import { deploymentInputSchema } from "@/lib/ingest/schema";
import { upsertService } from "@/lib/services/services";
import { channelKey, createChannel } from "@/lib/notifications/channels";
import { newChannelSchema } from "@/lib/notifications/schema";
import { addMember, addOverride, createTeam, setRotation } from "@/lib/teams/teams";
import { startPeriodic } from "@/lib/jobs/periodic";
import { handoffsDue, runHandoffs } from "./handoff-job";
import type { HandoffSummary } from "./handoff";

const database = processDatabase();

let channelId: number;

beforeAll(async () => {
  // Before anything reads the configuration: this server can send e-mail (nothing is sent here).
  process.env.TANDEM_SMTP_URL = "smtp://127.0.0.1:9?from=tandem@example.com";
  const db = database.db();
  const now = new Date();
  for (const id of ["ana", "ben"]) await db.transaction((tx) => tx.insert(user).values({ id, name: id, email: `${id}@example.com`, role: "engineer", createdAt: now, updatedAt: now }));
  await createTeam(db, CLI_ACTOR, { slug: "payments", name: "Payments" });
  await upsertService(db, CLI_ACTOR, "checkout", { team: "payments" });
  await upsertService(db, CLI_ACTOR, "search", { team: "growth" });
  channelId = (await createChannel(db, CLI_ACTOR, await channelKey(db, undefined), newChannelSchema.parse({ kind: "webhook", name: "payments hook", target: "http://127.0.0.1:9/hook", team: "payments" }), true)).channel.id;
  await addMember(db, CLI_ACTOR, { team: "payments", userId: "ana" });
  await addMember(db, CLI_ACTOR, { team: "payments", userId: "ben" });
  // Daily at 09:00 UTC from 2026-11-16: the shift 2026-11-19 09:00 → 11-20 09:00 is ben's.
  await setRotation(db, CLI_ACTOR, { team: "payments", shiftHours: 24, handoverTime: "09:00", timeZone: "UTC", startsOn: "2026-11-16" });
  await addOverride(db, CLI_ACTOR, { team: "payments", userId: "ana", startsAt: new Date("2026-11-20T06:00:00Z"), endsAt: new Date("2026-11-20T09:00:00Z"), reason: null });
  const deploy = (service: string, finishedAt: string, status = "success") => recordDeployments(db, CLI_ACTOR, "t", [deploymentInputSchema.parse({ service, status, finishedAt })], false);
  await deploy("checkout", "2026-11-19T08:00:00Z");
  await deploy("checkout", "2026-11-19T12:00:00Z");
  await deploy("checkout", "2026-11-20T01:00:00Z", "failure");
  await deploy("search", "2026-11-19T12:00:00Z");
  await recordIncident(db, CLI_ACTOR, "t", { title: "Checkout errors", service: "checkout", severity: "SEV2", startedAt: new Date("2026-11-19T15:00:00Z") });
});

describe("the hand-over job", () => {
  it("finds the latest hand-over with its outgoing (override included) and incoming person", async () => {
    const [due, ...rest] = await handoffsDue(database.db(), new Date("2026-11-20T14:30:00Z"));
    expect(rest).toEqual([]);
    expect(due).toMatchObject({ shiftStart: new Date("2026-11-19T09:00:00Z"), handoverAt: new Date("2026-11-20T09:00:00Z"), outgoingUserId: "ana", incomingUserId: "ana" });
    expect(await handoffsDue(database.db(), new Date("2026-11-16T10:00:00Z"))).toEqual([]);
  });

  it("stores the shift's summary once, however many servers run it at the same time", async () => {
    const db = database.db();
    const at = new Date("2026-11-20T14:30:00Z");
    const runs = await Promise.all([runHandoffs(db, at), runHandoffs(db, at), runHandoffs(db, at)]);
    expect(runs.flat()).toHaveLength(1);
    expect(await runHandoffs(db, at)).toEqual([]);
    expect(await handoffsDue(db, at)).toEqual([]);
    const rows = await allRows<{ n: number }>(db.read, sql`select count(*) as "n" from "handoffs"`);
    expect(Number(rows[0]!.n)).toBe(1);
    const stored = await latestHandoff(db.read, 1);
    const summary = stored!.summary as HandoffSummary;
    expect(summary.deployments).toMatchObject({ succeeded: 1, failed: 1, rolledBack: 0 });
    expect(summary.incidents.opened).toMatchObject([{ summary: "SEV2 declared: Checkout errors", stillOpen: true }]);
    // Only the run that stored it told the team's channel, and e-mailed who is on call after the new shift (ben, from 11-21 09:00).
    const handoffMessages = (await db.read.select().from(notificationOutbox)).filter((m) => m.event === "oncall.handoff");
    expect(handoffMessages.map((m) => [m.channelId, m.recipient])).toEqual([
      [channelId, null],
      [null, "ben@example.com"],
    ]);
    expect(handoffMessages[0]!.payload).toMatchObject({ team: "payments", path: "/teams/payments", data: { team: "payments", handoverAt: "2026-11-20T09:00:00.000Z", outgoing: "ana@example.com", incoming: "ana@example.com", summary: { deployments: { failed: 1 } } } });
    expect(handoffMessages[1]!.payload).toMatchObject({ title: "You are on call next for Payments", data: { onCallNext: "ben@example.com", from: "2026-11-21T09:00:00.000Z" } });
  });

  it("runs from a periodic timer at once", async () => {
    const db = database.db();
    const stop = startPeriodic("hand-over", 3_600_000, () => runHandoffs(db, new Date("2026-11-21T10:00:00Z")));
    try {
      await expect.poll(async () => (await latestHandoff(db.read, 1))?.handoverAt.toISOString()).toBe("2026-11-21T09:00:00.000Z");
    } finally {
      stop();
    }
  });
});
