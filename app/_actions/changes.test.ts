import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDatabase } from "@/db/client";
import { changeTemplates } from "@/db/schema";
import { findChange, insertFreeze } from "@/db/queries/changes";
import { findUserByEmail } from "@/db/queries/users";
import { freezeWindows } from "@/db/schema";
import { processDatabase } from "@/db/test/engine";
import { CLI_ACTOR, type UserActor } from "@/lib/auth/actor";
import { getAuth } from "@/lib/auth/auth";
import { changeJson } from "@/lib/changes/json";
import { changeFlag } from "@/lib/changes/policy";
import { changeCreateSchema } from "@/lib/changes/schema";
import { submitChange } from "@/lib/changes/submit";
import { upsertService } from "@/lib/services/services";
import { createUserAccount } from "@/lib/users/users";
import { addFreeze, addTemplate, cancelChangeAction, decideAction } from "./changes";
import { sessionCookie, setRequestHeaders } from "./test-request";

vi.mock("next/headers", async () => (await import("./test-request")).nextHeadersMock);
vi.mock("next/cache", async () => (await import("./test-request")).nextCacheMock);

/* The change actions answer in the page's language (issue 19): a Chinese browser reads Chinese, the API's English stays. */

processDatabase();
let engineer: UserActor;
let approverCookie = "";
let adminCookie = "";
let engineerCookie = "";

const form = (fields: Record<string, string | number>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, String(v));
  return data;
};
const as = (cookie: string, language: string) => setRequestHeaders({ cookie, "accept-language": language });
const file = async (title: string, window: [string, string]) =>
  (await submitChange(getDatabase(), engineer, "ui", changeCreateSchema.parse({ title, service: "ledger", type: "normal", risk: "low", plannedStart: window[0], plannedEnd: window[1] }))).id;

beforeAll(async () => {
  const db = getDatabase();
  for (const role of ["engineer", "approver", "admin"] as const) {
    await createUserAccount(await getAuth(), db, CLI_ACTOR, { email: `${role}@example.com`, name: role, role, password: `${role}-password-123` });
  }
  engineer = { type: "user", id: (await findUserByEmail(db.read, "engineer@example.com"))!.id, label: "engineer", role: "engineer" };
  approverCookie = await sessionCookie("approver@example.com", "approver-password-123");
  adminCookie = await sessionCookie("admin@example.com", "admin-password-123");
  engineerCookie = await sessionCookie("engineer@example.com", "engineer-password-123");
  await upsertService(db, CLI_ACTOR, "ledger", { team: "finance" });
});

describe("the change actions' messages", () => {
  it("tell a Chinese approver the outcome in Chinese, and an English one in English", async () => {
    const first = await file("Rotate keys", ["2030-02-01T10:00:00Z", "2030-02-01T11:00:00Z"]);
    as(approverCookie, "zh-CN,zh;q=0.9");
    expect(await decideAction({ status: "idle" }, form({ changeId: first, decision: "approved", comment: "好" }))).toEqual({ status: "success", message: "已批准。" });
    const second = await file("Resize disks", ["2030-02-02T10:00:00Z", "2030-02-02T11:00:00Z"]);
    as(approverCookie, "en-GB");
    expect(await decideAction({ status: "idle" }, form({ changeId: second, decision: "rejected", comment: "no" }))).toEqual({ status: "success", message: "Rejected." });
  });

  it("word a refused decision in the page's language, naming the freeze and its end in UTC", async () => {
    const frozen = await file("Swap load balancer", ["2030-03-10T10:00:00Z", "2030-03-10T11:00:00Z"]);
    await getDatabase().transaction((tx) => insertFreeze(tx, { name: "Quarter close", startsAt: new Date("2030-03-09T00:00:00Z"), endsAt: new Date("2030-03-12T00:00:00Z"), createdAt: new Date() }));
    as(approverCookie, "zh-CN");
    expect(await decideAction({ status: "idle" }, form({ changeId: frozen, decision: "approved", comment: "ok" }))).toMatchObject({
      status: "error",
      message: "计划时间与冻结窗口“Quarter close”重叠，在 2030年3月12日 00:00 UTC 之前无法批准。",
    });
    as(approverCookie, "en");
    expect(await decideAction({ status: "idle" }, form({ changeId: frozen, decision: "approved", comment: "ok" }))).toMatchObject({
      status: "error",
      message: 'Approval is blocked by the freeze "Quarter close" until 12 Mar 2030, 00:00 UTC: the planned window overlaps it.',
    });
  });

  it("confirm a freeze in Chinese", async () => {
    as(adminCookie, "zh-CN");
    expect(await addFreeze({ status: "idle" }, form({ name: "春节封网", startsAt: "2031-01-20T00:00", endsAt: "2031-01-27T00:00", timeZone: "UTC" }))).toEqual({ status: "success", message: "已设置冻结窗口“春节封网”。" });
  });

  it("refuse a freeze starting on a day not on the calendar, saying so of that field in the page's language, and write nothing", async () => {
    const freezes = async () => (await getDatabase().read.select().from(freezeWindows)).length;
    const before = await freezes();
    const impossible = form({ name: "Leap day", startsAt: "2031-02-29T00:00", endsAt: "2031-03-02T00:00", timeZone: "Europe/Berlin" });
    as(adminCookie, "en");
    expect(await addFreeze({ status: "idle" }, impossible)).toMatchObject({ status: "error", message: "Starts is not a date and time on the calendar.", fields: { startsAt: "Starts is not a date and time on the calendar" } });
    as(adminCookie, "zh-CN");
    expect(await addFreeze({ status: "idle" }, impossible)).toMatchObject({ status: "error", fields: { startsAt: "开始时间不是日历上存在的日期和时间" } });
    expect(await freezes()).toBe(before);
  });
});

describe("cancelling a change", () => {
  it("clears an emergency change's wait for retroactive approval: it was never carried out, so no one is left to decide it", async () => {
    const { id } = await submitChange(getDatabase(), engineer, "ui", changeCreateSchema.parse({ title: "Hotfix coupons", service: "ledger", type: "emergency", risk: "low" }));
    expect((await findChange(getDatabase().read, id))!.awaitingRetroactiveApproval).toBe(true);
    as(engineerCookie, "en");
    expect(await cancelChangeAction({ status: "idle" }, form({ changeId: id }))).toMatchObject({ status: "success" });
    const cancelled = (await findChange(getDatabase().read, id))!;
    expect(changeFlag(cancelled)).toBeNull();
    expect(changeJson(cancelled, "ledger")).toMatchObject({ status: "cancelled", awaitingRetroactiveApproval: false });
  });
});

describe("adding a standard change template", () => {
  it("refuses a team no service belongs to (a typo), naming the field in the page's language, and adds nothing", async () => {
    const templates = async () => (await getDatabase().read.select().from(changeTemplates)).length;
    const before = await templates();
    as(adminCookie, "en");
    expect(await addTemplate({ status: "idle" }, form({ title: "Bump deps", team: "ledgr", maxRisk: "low" }))).toMatchObject({
      status: "error",
      fields: { team: "Team: no service belongs to team ledgr (check the spelling, or record its services first)" },
    });
    as(adminCookie, "zh-CN");
    expect(await addTemplate({ status: "idle" }, form({ title: "Bump deps", team: "ledgr", maxRisk: "low" }))).toMatchObject({ status: "error", fields: { team: "团队：没有任何服务属于团队 ledgr（请检查拼写，或先登记该团队的服务）" } });
    expect(await templates()).toBe(before);
    expect(await addTemplate({ status: "idle" }, form({ title: "Bump deps", team: "finance", maxRisk: "low" }))).toMatchObject({ status: "success" });
  });
});
