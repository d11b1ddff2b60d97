import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { Webhook } from "standardwebhooks";
import type { Database } from "@/db/database";
import { claimDueMessages, findChannel, listAttempts, listOutbox } from "@/db/queries/notifications";
import { freshDatabase } from "@/db/test/engine";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { recordIncident } from "@/lib/incidents/record";
import { setClock } from "@/lib/testing/clock";
import { channelKey, createChannel, sendTestMessage } from "./channels";
import type { Delivery } from "./deliver";
import { newChannelSchema } from "./schema";
import { retrySchedule } from "./schedule";
import { closedPort, httpSink, smtpSink } from "./test-sinks";
import { LEASE_MS, NotificationWorker } from "./worker";

let made: Awaited<ReturnType<typeof freshDatabase>>;
let db: Database;
let delivery: Delivery;
const cleanups: (() => Promise<unknown> | unknown)[] = [];

beforeAll(async () => {
  made = await freshDatabase();
  db = made.db;
  delivery = { key: await channelKey(db, undefined), baseUrl: "https://tandem.example.com", smtp: undefined };
}, 60_000);
afterAll(() => made.close());
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
  setClock();
});

async function channel(input: Record<string, string>) {
  return createChannel(db, CLI_ACTOR, delivery.key, newChannelSchema.parse(input), true);
}
let seq = 0;
const declare = (service = `svc-${++seq}`) => recordIncident(db, CLI_ACTOR, "test", { title: `Incident ${seq}`, service, severity: "SEV2", startedAt: new Date(Date.now() - 60_000) });
const worker = (d: Delivery = delivery) => {
  const w = new NotificationWorker(db, async () => d);
  cleanups.push(() => w.stop());
  return w;
};
/** Moves the (faked) clock forward, as the retry schedule's waits pass. */
const later = (ms: number) => setClock(new Date(Date.now() + ms));
/** Disables every channel a test made, so the next test's worker sends only its own messages. */
const retire = (id: number) => cleanups.push(() => db.transaction((tx) => import("@/db/queries/notifications").then((q) => q.updateChannel(tx, id, { disabledAt: new Date() }))));

describe("the notification worker, against receivers on loopback", () => {
  it("sends a declared incident to a webhook within 5 s, signed with the channel's secret", async () => {
    const sink = await httpSink();
    cleanups.push(sink.close);
    const { channel: c, secret } = await channel({ kind: "webhook", name: "hook", target: sink.url });
    retire(c.id);
    worker().start();
    const started = Date.now();
    const { incident } = await declare();
    await expect.poll(() => sink.received.length, { timeout: 5_000, interval: 50 }).toBe(1);
    expect(Date.now() - started).toBeLessThan(5_000);
    const [got] = sink.received;
    const body = new Webhook(secret!).verify(got!.body, got!.headers as Record<string, string>) as { type: string; data: { id: number } };
    expect(body.type).toBe("incident.declared");
    expect(body.data.id).toBe(incident.id);
    const [message] = await listOutbox(db.read, c.id);
    expect(got!.headers["webhook-id"]).toBe(message!.messageId);
    await expect.poll(async () => (await listOutbox(db.read, c.id))[0]!.status).toBe("delivered");
    expect((await listAttempts(db.read, c.id)).map((a) => [a.event, a.outcome, a.status])).toEqual([["incident.declared", "delivered", 200]]);
  });

  it("a receiver that is down gets the message once it is back, once, with the same webhook-id", async () => {
    const port = await closedPort();
    const { channel: c } = await channel({ kind: "webhook", name: "down", target: `http://127.0.0.1:${port}/hook` });
    retire(c.id);
    await declare();
    const w = worker();
    expect(await w.round()).toBe(1);
    const [failed] = await listAttempts(db.read, c.id);
    expect(failed).toMatchObject({ outcome: "failed", status: null });
    const [pending] = await listOutbox(db.read, c.id);
    expect(pending).toMatchObject({ status: "pending", attempts: 1 });
    expect(pending!.nextAttemptAt.getTime() - failed!.attemptedAt.getTime()).toBe(5_000);

    const sink = await httpSink(() => 200, port);
    cleanups.push(sink.close);
    expect(await w.round()).toBe(0);
    later(5_000);
    expect(await w.round()).toBe(1);
    later(3_600_000);
    expect(await w.round()).toBe(0);
    expect(sink.received).toHaveLength(1);
    expect(sink.received[0]!.headers["webhook-id"]).toBe(pending!.messageId);
    expect((await listOutbox(db.read, c.id))[0]).toMatchObject({ status: "delivered", attempts: 2 });
  });

  it("retries a failing receiver on the schedule for more than a day, then gives up and says so", async () => {
    const sink = await httpSink(() => 503);
    cleanups.push(sink.close);
    const { channel: c } = await channel({ kind: "slack", name: "failing", target: sink.url });
    retire(c.id);
    await declare();
    const w = worker();
    const waits: number[] = [];
    for (;;) {
      expect(await w.round()).toBe(1);
      const [m] = await listOutbox(db.read, c.id);
      if (m!.status !== "pending") break;
      const [last] = await listAttempts(db.read, c.id, 1);
      waits.push(m!.nextAttemptAt.getTime() - last!.attemptedAt.getTime());
      setClock(m!.nextAttemptAt);
    }
    expect(waits).toEqual(retrySchedule());
    expect(sink.received).toHaveLength(retrySchedule().length + 1);
    const [last] = await listAttempts(db.read, c.id, 1);
    expect(last).toMatchObject({ outcome: "gave_up", status: 503 });
    expect(last!.answer).toMatch(/gave up after 11 attempts/);
    later(48 * 3_600_000);
    expect(await w.round()).toBe(0);
  });

  it("cuts off a receiver that hangs after 5 s and tries again later", async () => {
    const sink = await httpSink((n) => (n === 1 ? "hang" : 200));
    cleanups.push(sink.close);
    const { channel: c } = await channel({ kind: "teams", name: "hangs", target: sink.url });
    retire(c.id);
    await declare();
    const w = worker();
    const started = performance.now();
    await w.round();
    expect(performance.now() - started).toBeLessThan(7_000);
    expect((await listAttempts(db.read, c.id))[0]).toMatchObject({ outcome: "failed", status: null, answer: "no answer within 5 s" });
    later(5_000);
    await w.round();
    expect((await listOutbox(db.read, c.id))[0]!.status).toBe("delivered");
    expect(JSON.parse(sink.received[1]!.body).attachments[0].contentType).toBe("application/vnd.microsoft.card.adaptive");
  }, 20_000);

  it("a receiver that hangs holds up only its own messages: another channel's still goes within the 5 s", async () => {
    const hanging = await httpSink(() => "hang");
    const healthy = await httpSink();
    cleanups.push(hanging.close, healthy.close);
    const { channel: stuck } = await channel({ kind: "webhook", name: "hangs on everything", target: hanging.url });
    retire(stuck.id);
    // More than the worker looks at in one claim (ten per free slot): a backlog must not hide the others' messages.
    for (let i = 0; i < 170; i++) await declare();
    worker().start();
    await expect.poll(() => hanging.received.length, { timeout: 2_000, interval: 20 }).toBeGreaterThan(0);
    const { channel: fine } = await channel({ kind: "webhook", name: "answers", target: healthy.url });
    retire(fine.id);
    const started = Date.now();
    await declare();
    await expect.poll(() => healthy.received.length, { timeout: 3_000, interval: 20 }).toBe(1);
    expect(Date.now() - started).toBeLessThan(3_000);
    // At most four attempts wait on the receiver that hangs; the rest of its messages wait their turn.
    expect(hanging.received.length).toBe(4);
  }, 20_000);

  it("a round that fails lets the attempts under way finish and record themselves before it reports", async () => {
    const hanging = await httpSink(() => "hang");
    cleanups.push(hanging.close);
    const { channel: c } = await channel({ kind: "webhook", name: "hangs once", target: hanging.url });
    retire(c.id);
    await declare();
    let calls = 0;
    const w = new NotificationWorker(db, async () => {
      if (++calls > 1) throw new Error("the channel key could not be read");
      return delivery;
    });
    const round = w.round();
    await expect.poll(() => hanging.received.length, { timeout: 2_000, interval: 20 }).toBe(1);
    await declare();
    await expect(round).rejects.toThrow("the channel key could not be read");
    expect((await listAttempts(db.read, c.id)).map((a) => a.answer)).toEqual(["no answer within 5 s"]);
  }, 20_000);

  it("a receiver that answers 410 Gone disables its channel, says why, and keeps the message", async () => {
    const sink = await httpSink(() => 410);
    cleanups.push(sink.close);
    const { channel: c } = await channel({ kind: "webhook", name: "gone", target: sink.url });
    await declare();
    const w = worker();
    await w.round();
    const after = await findChannel(db.read, c.id);
    expect(after!.disabledAt).not.toBeNull();
    expect(after!.disabledReason).toMatch(/^The receiver answered 410 Gone on .*: Tandem stopped sending to it\./);
    await declare();
    later(60_000);
    expect(await w.round()).toBe(0);
    expect(sink.received).toHaveLength(1);
    expect((await listOutbox(db.read, c.id)).map((m) => m.status)).toEqual(["pending"]);
  });

  it("two workers (two servers) never send the same message twice", async () => {
    const sink = await httpSink();
    cleanups.push(sink.close);
    const { channel: c } = await channel({ kind: "webhook", name: "shared", target: sink.url });
    retire(c.id);
    for (let i = 0; i < 30; i++) await declare();
    const [a, b] = [worker(), worker()];
    await Promise.all([a.round(), b.round(), a.round(), b.round()]);
    const ids = sink.received.map((r) => r.headers["webhook-id"]);
    expect(ids).toHaveLength(30);
    expect(new Set(ids).size).toBe(30);
  });

  it("a message held by a server that died is sent by another once its lease runs out", async () => {
    const sink = await httpSink();
    cleanups.push(sink.close);
    const { channel: c } = await channel({ kind: "webhook", name: "lease", target: sink.url });
    retire(c.id);
    await declare();
    const now = new Date();
    const claimed = await db.transaction((tx) => claimDueMessages(tx, now, "dead-server", new Date(now.getTime() + LEASE_MS), 10));
    expect(claimed.map((x) => x.channel?.id)).toContain(c.id);
    const w = worker();
    expect(await w.round()).toBe(0);
    later(LEASE_MS + 1);
    expect(await w.round()).toBe(claimed.length);
    expect(sink.received).toHaveLength(1);
  });

  it("sends email through TANDEM_SMTP_URL", async () => {
    const smtp = await smtpSink();
    cleanups.push(smtp.close);
    const { channel: c } = await channel({ kind: "email", name: "mail", target: "oncall@example.com" });
    retire(c.id);
    const { incident } = await declare();
    await worker({ ...delivery, smtp: { url: smtp.url, from: "tandem@example.com" } }).round();
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]).toMatchObject({ from: "tandem@example.com", to: ["oncall@example.com"] });
    expect(smtp.received[0]!.raw).toContain(`Subject: [Tandem] SEV2 incident declared: Incident ${seq}`);
    expect(smtp.received[0]!.raw).toContain(`https://tandem.example.com/incidents/${incident.id}`);
    expect((await listAttempts(db.read, c.id))[0]).toMatchObject({ outcome: "delivered", status: 250 });
  });

  it("without TANDEM_SMTP_URL an email attempt fails and the log says why", async () => {
    const { channel: c } = await channel({ kind: "email", name: "no smtp", target: "oncall@example.com" });
    retire(c.id);
    await declare();
    await worker().round();
    expect((await listAttempts(db.read, c.id))[0]).toMatchObject({ outcome: "failed", answer: "TANDEM_SMTP_URL is not set, so Tandem cannot send email" });
  });

  it("'send test message' sends at once and logs the answer", async () => {
    const sink = await httpSink(() => 404);
    cleanups.push(sink.close);
    const { channel: c, secret } = await channel({ kind: "webhook", name: "test me", target: sink.url });
    retire(c.id);
    expect(await sendTestMessage(db, c.id, delivery)).toMatchObject({ ok: false, status: 404, answer: "no (404)" });
    const body = new Webhook(secret!).verify(sink.received[0]!.body, sink.received[0]!.headers as Record<string, string>);
    expect(body).toMatchObject({ type: "tandem.test" });
    expect((await listAttempts(db.read, c.id))[0]).toMatchObject({ event: "tandem.test", outcome: "failed", status: 404 });
  });
});
