import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/database";
import type { Handoff, Team } from "@/db/schema";
import { user } from "@/db/schema";
import { freshDatabase } from "@/db/test/engine";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { createActionItem } from "@/lib/action-items/items";
import { sendOverdueReminders } from "@/lib/action-items/overdue-reminders";
import { submitChange } from "@/lib/changes/submit";
import { recordIncident } from "@/lib/incidents/record";
import { handoffNotification } from "@/lib/oncall/handoff-notification";
import { upsertService } from "@/lib/services/services";
import { channelKey, createChannel, setChannelLocale } from "./channels";
import { changeNotification, incidentNotification, type RenderedEvent } from "./events";
import { emailMessage, httpMessage, slackMessage, teamsMessage } from "./formats";
import { newChannelSchema } from "./schema";
import { httpSink, smtpSink } from "./test-sinks";
import { NotificationWorker } from "./worker";

const BASE = "https://tandem.example.com";
let made: Awaited<ReturnType<typeof freshDatabase>>;
let db: Database;
let smtp: Awaited<ReturnType<typeof smtpSink>>;

beforeAll(async () => {
  smtp = await smtpSink();
  // Before anything reads the configuration: this server sends e-mail.
  process.env.TANDEM_SMTP_URL = `${smtp.url}?from=tandem@example.com`;
  made = await freshDatabase();
  db = made.db;
  await upsertService(db, CLI_ACTOR, "checkout", { team: "payments" });
}, 60_000);
afterAll(async () => {
  await smtp.close();
  await made.close();
});

const slack = (event: RenderedEvent) => JSON.parse(slackMessage(event, BASE, "zh-CN").body);
const card = (event: RenderedEvent) => JSON.parse(teamsMessage(event, BASE, "zh-CN").body).attachments[0].content;

/** A header's MIME encoded words ("=?UTF-8?B?…?=", folded over lines) as the text they stand for. */
function header(raw: string, name: string): string {
  const value = new RegExp(`^${name}: (.*(?:\\r?\\n[ \\t].*)*)`, "m").exec(raw)?.[1] ?? "";
  return value
    .replace(/\r?\n[ \t]+/g, " ")
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?UTF-8\?([BQ])\?([^?]*)\?=/gi, (_, encoding: string, text: string) =>
      encoding.toUpperCase() === "B" ? Buffer.from(text, "base64").toString("utf8") : Buffer.from(text.replace(/_/g, " ").replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))), "latin1").toString("utf8"),
    );
}

describe("people-facing messages in the channel's language", () => {
  it("incident.declared in 简体中文: Slack blocks, a Teams card and an e-mail, the status and start time in Chinese", async () => {
    const { incident } = await recordIncident(db, CLI_ACTOR, "test", { title: "Checkout down", service: "checkout", severity: "SEV2", startedAt: new Date("2026-11-20T14:00:00Z") });
    const event = await incidentNotification("incident.declared", incident).render(db.read);

    const s = slack(event);
    expect(s.text).toBe("SEV2 故障已宣告：Checkout down");
    expect(s.blocks[1].fields.map((f: { text: string }) => f.text)).toEqual(["*服务*\ncheckout", "*严重级别*\nSEV2", "*状态*\n调查中", "*开始时间*\n2026年11月20日 14:00 UTC"]);
    expect(s.blocks.at(-1).elements[0].text.text).toBe("在 Tandem 中打开");

    const c = card(event);
    expect(c.lang).toBe("zh-CN");
    expect(c.body[0].text).toBe("SEV2 故障已宣告：Checkout down");
    expect(c.body.at(-1).facts).toContainEqual({ title: "状态", value: "调查中" });
    expect(c.actions[0]).toEqual({ type: "Action.OpenUrl", title: "在 Tandem 中打开", url: `${BASE}/incidents/${incident.id}` });

    const mail = emailMessage(event, BASE, "zh-CN");
    expect(mail.subject).toBe("[Tandem] SEV2 故障已宣告：Checkout down");
    expect(mail.text).toContain("状态：调查中\n");
    expect(mail.text).toContain(`在 Tandem 中打开：${BASE}/incidents/${incident.id}`);
    expect(mail.html).toContain(`<a href="${BASE}/incidents/${incident.id}">在 Tandem 中打开</a>`);

    // The same event in English reads as it always has.
    expect(JSON.parse(slackMessage(event, BASE).body).text).toBe("SEV2 incident declared: Checkout down");
    expect(emailMessage(event, BASE).text).toContain("Status: investigating\n");
  });

  it("a change's approval in 简体中文: the status, type and risk in the glossary's words", async () => {
    const change = await submitChange(db, CLI_ACTOR, "test", { title: "Rotate keys", service: "checkout", type: "normal", risk: "low", plannedStart: new Date("2030-01-01T10:00:00Z"), plannedEnd: new Date("2030-01-01T11:00:00Z") });
    const event = await changeNotification("change.decided", { ...change, status: "approved" }).render(db.read);
    expect(slack(event).text).toBe(`变更 #${change.id} 已批准：Rotate keys`);
    expect(card(event).body.at(-1).facts).toEqual([
      { title: "服务", value: "checkout" },
      { title: "类型", value: "普通变更" },
      { title: "风险", value: "低" },
      { title: "状态", value: "已批准" },
    ]);
    expect(emailMessage(event, BASE, "zh-CN").subject).toBe(`[Tandem] 变更 #${change.id} 已批准：Rotate keys`);
    expect(emailMessage(event, BASE).subject).toBe(`[Tandem] Change #${change.id} approved: Rotate keys`);
  });

  it("oncall.handoff in 简体中文: the shift's counts in one sentence, nobody named as such", async () => {
    const summary = {
      since: "2026-11-19T09:00:00.000Z",
      until: "2026-11-20T09:00:00.000Z",
      deployments: { succeeded: 2, failed: 1, rolledBack: 0, items: [] },
      incidents: { opened: [{ id: 1, service: "checkout", summary: "x", at: "2026-11-19T10:00:00.000Z", stillOpen: true }], stillOpen: [{ id: 1, title: "x", severity: "SEV2", service: "checkout" }] },
      changes: { approved: [], waiting: [{ id: 3, title: "y", service: "checkout" }] },
      freezesAhead: [],
    };
    const team = { slug: "payments", name: "Payments" } as Team;
    const handoff = { handoverAt: new Date("2026-11-20T09:00:00Z"), shiftStart: new Date("2026-11-19T09:00:00Z"), summary } as unknown as Handoff;
    const event = await handoffNotification(team, handoff, { outgoing: { name: "Ana", email: "ana@example.com" }, incoming: undefined }).render(db.read);
    const c = card(event);
    expect(c.body[0].text).toBe("Payments：值班交接");
    expect(c.body[1].text).toBe("部署 3 次（失败 1 次，回滚 0 次）；新增故障 1 起，仍未解决 1 起；批准变更 0 项，待审批 1 项；下一班次内有冻结窗口 0 个");
    expect(c.body[2].facts).toEqual([
      { title: "团队", value: "Payments" },
      { title: "交班人", value: "Ana" },
      { title: "接班人", value: "无人" },
    ]);
    expect(slack(event).text).toBe("Payments：值班交接");
    expect(emailMessage(event, BASE, "zh-CN").text).toContain("接班人：无人");
    expect(event.summary).toBe("3 deployments (1 failed, 0 rolled back); 1 incident opened, 1 still open; 0 changes approved, 1 waiting; 0 freezes in the next shift");
  });

  it("the webhook body stays the contract's, in English, whatever the channel's language", async () => {
    const { incident } = await recordIncident(db, CLI_ACTOR, "test", { title: "Search slow", service: "checkout", severity: "SEV3", startedAt: new Date("2026-11-20T13:00:00Z") });
    const event = await incidentNotification("incident.declared", incident).render(db.read);
    const opts = { messageId: "msg_1", secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", baseUrl: BASE, sentAt: new Date("2026-11-20T14:00:00Z") };
    expect(httpMessage("webhook", event, { ...opts, locale: "zh-CN" })).toEqual(httpMessage("webhook", event, { ...opts, locale: "en" }));
    expect(Object.keys(JSON.parse(httpMessage("webhook", event, { ...opts, locale: "zh-CN" }).body))).toEqual(["type", "timestamp", "data"]);
  });

  it("a channel set to 简体中文 gets its Slack message in Chinese from the outbox, a waiting one included", async () => {
    const sink = await httpSink();
    try {
      const key = await channelKey(db, undefined);
      const { channel } = await createChannel(db, CLI_ACTOR, key, newChannelSchema.parse({ kind: "slack", name: "支付告警", target: sink.url, events: "incident.declared" }), true);
      expect(channel.locale).toBe("en");
      await recordIncident(db, CLI_ACTOR, "test", { title: "Payments down", service: "checkout", severity: "SEV1", startedAt: new Date("2026-11-20T12:00:00Z") });
      // Chosen after the message was stored: it is written out when sent.
      expect((await setChannelLocale(db, CLI_ACTOR, channel.id, "zh-CN")).locale).toBe("zh-CN");
      await new NotificationWorker(db, async () => ({ key, baseUrl: BASE, smtp: undefined })).round();
      expect(sink.received.map((r) => JSON.parse(r.body).text)).toEqual(["SEV1 故障已宣告：Payments down"]);
    } finally {
      await sink.close();
    }
  });
});

describe("a person's own e-mail in the language they chose", () => {
  it("an owner who chose 简体中文 gets the overdue reminder in Chinese; one who chose nothing, in English", async () => {
    const now = new Date();
    await db.transaction((tx) =>
      tx.insert(user).values([
        { id: "u-li", name: "李雷", email: "li@example.com", role: "engineer", locale: "zh-CN", createdAt: now, updatedAt: now },
        { id: "u-bo", name: "Bo", email: "bo@example.com", role: "engineer", createdAt: now, updatedAt: now },
      ]),
    );
    const { incident } = await recordIncident(db, CLI_ACTOR, "test", { title: "Cart empty", service: "checkout", severity: "SEV3", startedAt: new Date("2026-11-19T10:00:00Z") });
    await createActionItem(db, CLI_ACTOR, incident.id, { title: "Add a retry budget", owner: "li@example.com", dueDate: "2026-11-25" });
    await createActionItem(db, CLI_ACTOR, incident.id, { title: "Alert on p99", owner: "bo@example.com", dueDate: "2026-11-25" });
    await sendOverdueReminders(db, new Date("2026-11-26T08:00:00Z"));
    smtp.received.length = 0;
    await new NotificationWorker(db, async () => ({ key: await channelKey(db, undefined), baseUrl: BASE, smtp: { url: smtp.url, from: "tandem@example.com" } })).round();
    const subjects = Object.fromEntries(smtp.received.map((m) => [m.to[0], header(m.raw, "Subject")]));
    expect(subjects).toEqual({ "li@example.com": "[Tandem] 改进项已逾期：Add a retry budget", "bo@example.com": "[Tandem] Action item overdue: Alert on p99" });
  });
});
