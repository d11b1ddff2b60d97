import { beforeAll, describe, expect, it, vi } from "vitest";
import { sql } from "drizzle-orm";
import { getDatabase } from "@/db/client";
import { firstRow } from "@/db/raw";
import { processDatabase } from "@/db/test/engine";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { getAuth } from "@/lib/auth/auth";
import { upsertService } from "@/lib/services/services";
import { createUserAccount } from "@/lib/users/users";
import { IDLE } from "./form-state";
import { addChannel } from "./notifications";
import { sessionCookie, setRequestHeaders } from "./test-request";

vi.mock("next/headers", async () => (await import("./test-request")).nextHeadersMock);
vi.mock("next/cache", async () => (await import("./test-request")).nextCacheMock);

processDatabase();
let cookie = "";

beforeAll(async () => {
  await createUserAccount(await getAuth(), getDatabase(), CLI_ACTOR, { email: "admin@example.com", name: "Admin", role: "admin", password: "admin-password-123" });
  cookie = await sessionCookie("admin@example.com", "admin-password-123");
  await upsertService(getDatabase(), CLI_ACTOR, "checkout", { team: "payments" });
});

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
};
const slack = { kind: "slack", name: "Payments alerts", target: "https://hooks.slack.com/services/T0/B0/XXXXXXXXXXXXXXXXXXXX", team: "", locale: "en" };
const channels = async () => (await firstRow<{ n: number }>(getDatabase().read, sql`select count(*) as "n" from "notification_channels"`))!.n;

describe("adding a notification channel in Settings", () => {
  it("refuses a channel with no event ticked, in the page's language, and adds nothing", async () => {
    setRequestHeaders({ cookie, "accept-language": "en" });
    expect(await addChannel(IDLE, form(slack))).toMatchObject({ status: "error", message: "Events must list at least one event.", fields: { events: "Events must list at least one event" } });
    setRequestHeaders({ cookie, "accept-language": "zh-CN" });
    expect(await addChannel(IDLE, form(slack))).toMatchObject({ status: "error", fields: { events: "事件至少要选择一个" } });
    expect(await channels()).toBe(0);
  });

  it("refuses a team no service belongs to (a typo), naming the field in the page's language, and adds nothing; a team of services is taken", async () => {
    const all = { ...slack, "events.incident.declared": "on" };
    setRequestHeaders({ cookie, "accept-language": "en" });
    expect(await addChannel(IDLE, form({ ...all, team: "paymnts" }))).toMatchObject({
      status: "error",
      fields: { team: "Team (optional): no service belongs to team paymnts (check the spelling, or record its services first)" },
    });
    setRequestHeaders({ cookie, "accept-language": "zh-CN" });
    expect(await addChannel(IDLE, form({ ...all, team: "paymnts" }))).toMatchObject({ status: "error", fields: { team: "团队：没有任何服务属于团队 paymnts（请检查拼写，或先登记该团队的服务）" } });
    expect(await channels()).toBe(0);
    expect(await addChannel(IDLE, form({ ...all, team: "payments" }))).toMatchObject({ status: "success" });
  });
});
