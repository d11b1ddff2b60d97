import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDatabase } from "@/db/client";
import { findUserByEmail } from "@/db/queries/users";
import { processDatabase } from "@/db/test/engine";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { getAuth } from "@/lib/auth/auth";
import { addMember, addOverride, createTeam } from "@/lib/teams/teams";
import { recordIncident } from "@/lib/incidents/record";
import { upsertService } from "@/lib/services/services";
import { createUserAccount } from "@/lib/users/users";
import { IDLE } from "./form-state";
import { addOverrideAction, setRotationAction } from "./teams";
import { addTemplate, removeFreeze, submitDraftAction } from "./changes";
import { moveIncidentAction } from "./incident-response";
import { recordDeploymentAction } from "./deployments";
import { addWallLink } from "./wall-links";
import { sessionCookie, setRequestHeaders } from "./test-request";

vi.mock("next/headers", async () => (await import("./test-request")).nextHeadersMock);
vi.mock("next/cache", async () => (await import("./test-request")).nextCacheMock);

processDatabase();

let cookie = "";
let adminId = "";
let incidentId = 0;

beforeAll(async () => {
  const db = getDatabase();
  await createUserAccount(await getAuth(), db, CLI_ACTOR, { email: "ada@example.com", name: "Ada", role: "admin", password: "admin-password-1" });
  adminId = (await findUserByEmail(db.read, "ada@example.com"))!.id;
  cookie = await sessionCookie("ada@example.com", "admin-password-1");
  await createTeam(db, CLI_ACTOR, { slug: "idle", name: "Idle" });
  await createTeam(db, CLI_ACTOR, { slug: "payments", name: "Payments" });
  await addMember(db, CLI_ACTOR, { team: "payments", userId: adminId });
  await addOverride(db, CLI_ACTOR, { team: "payments", userId: adminId, startsAt: new Date("2026-11-20T18:00:00Z"), endsAt: new Date("2026-11-21T06:00:00Z"), reason: null });
  await upsertService(db, CLI_ACTOR, "edge", { requireChange: ["production"] });
  incidentId = (await recordIncident(db, CLI_ACTOR, "test", { title: "Queue backlog", service: "queue", severity: "SEV3", startedAt: new Date("2026-11-20T14:00:00Z") })).incident.id;
});

const form = (fields: Record<string, string | number>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, String(v));
  return data;
};
const inChinese = () => setRequestHeaders({ cookie, "accept-language": "zh-CN,zh;q=0.9" });

/* What a rule refuses reads in the page's language, every word of it (a reviewer posted to the actions with accept-language zh-CN). */
describe("refusals on a Chinese page", () => {
  it("a rotation for a team without members", async () => {
    inChinese();
    expect(await setRotationAction(IDLE, form({ team: "idle", shiftHours: 24, handoverTime: "09:00", timeZone: "UTC", startsOn: "2026-11-16" }))).toMatchObject({
      status: "error",
      message: "轮值至少需要一名成员：请先向团队添加成员。",
    });
  });

  it("an override over another one", async () => {
    inChinese();
    const refused = await addOverrideAction(IDLE, form({ team: "payments", userId: adminId, startsAt: "2026-11-21T05:00", endsAt: "2026-11-21T07:00", timeZone: "UTC" }));
    expect(refused).toMatchObject({ status: "error", fields: { startsAt: "此替班与另一条替班（2026-11-20T18:00:00.000Z 至 2026-11-21T06:00:00.000Z）重叠，请先修改或删除那一条" } });
    expect(refused).toMatchObject({ message: "此替班与另一条替班（2026-11-20T18:00:00.000Z 至 2026-11-21T06:00:00.000Z）重叠，请先修改或删除那一条。" });
  });

  it("a team deleted since the page was shown", async () => {
    inChinese();
    expect(await setRotationAction(IDLE, form({ team: "gone", shiftHours: 24, handoverTime: "09:00", timeZone: "UTC", startsOn: "2026-11-16" }))).toMatchObject({ status: "error", message: "团队 gone 不存在。" });
  });

  it("a standard change template with both a service and a team, or neither", async () => {
    inChinese();
    expect(await addTemplate(IDLE, form({ title: "依赖升级", service: "queue", team: "payments", maxRisk: "low" }))).toMatchObject({
      status: "error",
      message: "已选择服务时团队须留空：一个模板只适用于一个服务或一个团队。",
    });
    expect(await addTemplate(IDLE, form({ title: "依赖升级", maxRisk: "low" }))).toMatchObject({ status: "error", message: "请选择模板适用的服务，或填写团队。" });
  });

  it("an incident moved to the status it has (a double click)", async () => {
    inChinese();
    expect(await moveIncidentAction(IDLE, form({ incidentId, status: "investigating" }))).toMatchObject({ status: "error", message: "故障已处于“调查中”状态。" });
  });

  it("a record that is not there (any more)", async () => {
    inChinese();
    expect(await submitDraftAction(IDLE, form({ changeId: 99_999 }))).toMatchObject({ status: "error", message: "找不到该变更请求。" });
    expect(await removeFreeze(IDLE, form({ id: 99_999 }))).toMatchObject({ status: "error", message: "找不到该冻结窗口。" });
  });

  it("a deployment the service's change rule refuses, or naming a change request that is not there", async () => {
    inChinese();
    const deployment = { service: "edge", environment: "production", status: "success", finishedAt: "2026-11-20T10:00", timeZone: "UTC" };
    expect(await recordDeploymentAction(IDLE, form(deployment))).toMatchObject({
      status: "error",
      message: "变更请求 ID：未关联已批准的变更请求，部署被拒绝。",
    });
    expect(await recordDeploymentAction(IDLE, form({ ...deployment, changeRequest: 99_999 }))).toMatchObject({ status: "error", message: "变更请求 #99999 不存在。" });
  });

  it("a wall view naming a service nobody recorded", async () => {
    inChinese();
    expect(await addWallLink(IDLE, form({ name: "TV", "views.0.services": "edge, nope" }))).toMatchObject({ status: "error", message: "服务：没有服务 nope（请检查拼写，或先登记该服务）。" });
  });
});
