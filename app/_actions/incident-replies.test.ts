import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDatabase } from "@/db/client";
import { processDatabase } from "@/db/test/engine";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { getAuth } from "@/lib/auth/auth";
import { setLocalePreference } from "@/lib/i18n/preference";
import { recordIncident } from "@/lib/incidents/record";
import { createActionItem } from "@/lib/action-items/items";
import { createUserAccount } from "@/lib/users/users";
import { findUserByEmail } from "@/db/queries/users";
import { IDLE } from "./form-state";
import { setActionItemStatusAction } from "./action-items";
import { acknowledgeAction, moveIncidentAction } from "./incident-response";
import { confirmCause } from "./incidents";
import { sessionCookie, setRequestHeaders } from "./test-request";

vi.mock("next/headers", async () => (await import("./test-request")).nextHeadersMock);
vi.mock("next/cache", async () => (await import("./test-request")).nextCacheMock);

processDatabase();

const PASSWORD = "responder-password-1";
let cookie = "";
let userId = "";

beforeAll(async () => {
  const db = getDatabase();
  await createUserAccount(await getAuth(), db, CLI_ACTOR, { email: "responder@example.com", name: "Rui", role: "engineer", password: PASSWORD });
  userId = (await findUserByEmail(db.read, "responder@example.com"))!.id;
  cookie = await sessionCookie("responder@example.com", PASSWORD);
});

const incident = async () => (await recordIncident(getDatabase(), CLI_ACTOR, "test", { title: "Queue backlog", service: "queue", severity: "SEV3", startedAt: new Date("2026-11-20T14:00:00Z") })).incident.id;
const form = (fields: Record<string, string | number>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, String(v));
  return data;
};

/* Issue 19: what the incident actions say back is in the caller's language, their setting first, else their browser's. */
describe("incident actions' replies", () => {
  it("are in English for an English browser, as before", async () => {
    setRequestHeaders({ cookie, "accept-language": "en-GB,en;q=0.9" });
    expect(await acknowledgeAction(IDLE, form({ incidentId: await incident() }))).toMatchObject({ status: "success", message: "Acknowledged." });
    expect(await moveIncidentAction(IDLE, form({ incidentId: await incident(), status: "identified" }))).toMatchObject({ message: "Now identified." });
  });

  it("are in 简体中文 for a Chinese browser, statuses included", async () => {
    setRequestHeaders({ cookie, "accept-language": "zh-CN,zh;q=0.9" });
    expect(await acknowledgeAction(IDLE, form({ incidentId: await incident() }))).toMatchObject({ status: "success", message: "已确认。" });
    expect(await moveIncidentAction(IDLE, form({ incidentId: await incident(), status: "identified" }))).toMatchObject({ message: "已改为已定位。" });
    expect(await confirmCause(IDLE, form({ incidentId: await incident(), deploymentId: "" }))).toMatchObject({ message: "已清除：本次故障不归因于任何部署。" });
  });

  it("follow the person's own language setting over the browser's", async () => {
    await setLocalePreference(getDatabase(), userId, "zh-CN");
    setRequestHeaders({ cookie, "accept-language": "en-GB" });
    const item = await createActionItem(getDatabase(), CLI_ACTOR, await incident(), { title: "Add a queue alert", owner: "responder@example.com", dueDate: "2030-01-01" });
    expect(await setActionItemStatusAction(IDLE, form({ actionItemId: item.id, status: "wont_do" }))).toMatchObject({ message: "Add a queue alert：不处理。" });
    await setLocalePreference(getDatabase(), userId, null);
  });
});
