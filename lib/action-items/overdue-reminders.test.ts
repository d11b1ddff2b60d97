import { beforeAll, describe, expect, it } from "vitest";
import { notificationOutbox, user } from "@/db/schema";
import { processDatabase } from "@/db/test/engine";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { recordIncident } from "@/lib/incidents/record";
import { channelKey, createChannel } from "@/lib/notifications/channels";
import { newChannelSchema } from "@/lib/notifications/schema";
import { upsertService } from "@/lib/services/services";
import { createActionItem } from "./items";
import { sendOverdueReminders } from "./overdue-reminders";

const database = processDatabase();
let payments = 0;

beforeAll(async () => {
  // Before anything reads the configuration: this server can send e-mail (nothing is sent here).
  process.env.TANDEM_SMTP_URL = "smtp://127.0.0.1:9?from=tandem@example.com";
  const db = database.db();
  const now = new Date();
  await db.transaction((tx) => tx.insert(user).values({ id: "u-ana", name: "Ana Owner", email: "ana@example.com", role: "engineer", createdAt: now, updatedAt: now }));
  await upsertService(db, CLI_ACTOR, "checkout", { team: "payments" });
  await upsertService(db, CLI_ACTOR, "search", { team: "discovery" });
  const key = await channelKey(db, undefined);
  payments = (await createChannel(db, CLI_ACTOR, key, newChannelSchema.parse({ kind: "slack", name: "payments room", target: "https://hooks.slack.test/payments", team: "payments" }), true)).channel.id;
  await createChannel(db, CLI_ACTOR, key, newChannelSchema.parse({ kind: "slack", name: "discovery room", target: "https://hooks.slack.test/discovery", team: "discovery" }), true);
  const incident = (await recordIncident(db, CLI_ACTOR, "test", { title: "Checkout down", service: "checkout", severity: "SEV2", startedAt: new Date("2026-11-19T10:00:00Z") })).incident.id;
  await createActionItem(db, CLI_ACTOR, incident, { title: "Add a retry budget", owner: "ana@example.com", dueDate: "2026-11-25" });
  await createActionItem(db, CLI_ACTOR, incident, { title: "Not due yet", owner: "ana@example.com", dueDate: "2026-12-31" });
});

const reminders = async () => (await database.db().read.select().from(notificationOutbox)).filter((m) => m.event === "action_item.overdue");

describe("overdue action item reminders", () => {
  it("tell the item's team channel and e-mail its owner once a UTC day, and again the next day", async () => {
    const db = database.db();
    expect(await sendOverdueReminders(db, new Date("2026-11-25T23:00:00Z"))).toEqual([]); // due today: not overdue yet
    const told = await Promise.all([sendOverdueReminders(db, new Date("2026-11-26T08:00:00Z")), sendOverdueReminders(db, new Date("2026-11-26T08:00:00Z"))]);
    expect(told.flat().map((i) => i.title)).toEqual(["Add a retry budget"]);
    expect(await sendOverdueReminders(db, new Date("2026-11-26T20:00:00Z"))).toEqual([]);
    const first = await reminders();
    expect(first.map((m) => [m.channelId, m.recipient])).toEqual([
      [payments, null],
      [null, "ana@example.com"],
    ]);
    expect(first[0]!.payload).toMatchObject({ type: "action_item.overdue", team: "payments", service: "checkout", data: { title: "Add a retry budget", owner: "ana@example.com", overdue: true } });
    await sendOverdueReminders(db, new Date("2026-11-27T08:00:00Z"));
    expect(await reminders()).toHaveLength(4);
  });
});
