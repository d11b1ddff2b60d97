import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDatabase } from "@/db/client";
import { processDatabase } from "@/db/test/engine";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { getAuth } from "@/lib/auth/auth";
import { setLocalePreference } from "@/lib/i18n/preference";
import { findUserByEmail } from "@/db/queries/users";
import { createUserAccount } from "@/lib/users/users";
import { recordDeployments } from "@/lib/ingest/deployments";
import { flagDeploymentAction } from "./deployments";
import { editService } from "./services";
import { createTeamAction } from "./teams";
import { sessionCookie, setRequestHeaders } from "./test-request";

vi.mock("next/headers", async () => (await import("./test-request")).nextHeadersMock);
vi.mock("next/cache", async () => (await import("./test-request")).nextCacheMock);

processDatabase();

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return data;
};
let cookie = "";

beforeAll(async () => {
  await createUserAccount(await getAuth(), getDatabase(), CLI_ACTOR, { email: "ada@example.com", name: "Ada", role: "admin", password: "admin-password-1" });
  cookie = await sessionCookie("ada@example.com", "admin-password-1");
});

/* Issue 19: what the teams and services forms say back reads in the page's language. */
describe("action messages", () => {
  it("speak the browser's language when the person has not chosen one", async () => {
    setRequestHeaders({ cookie, "accept-language": "zh-CN,zh;q=0.9" });
    expect(await createTeamAction({ status: "idle" }, form({ name: "夜猫子", slug: "night-owls" }))).toMatchObject({ status: "success", message: "已创建团队 夜猫子。" });
    setRequestHeaders({ cookie, "accept-language": "en-US" });
    expect(await createTeamAction({ status: "idle" }, form({ name: "Early Birds", slug: "early-birds" }))).toMatchObject({ status: "success", message: "Created team Early Birds." });
  });

  it("speak the person's own choice over the browser's", async () => {
    const ada = (await findUserByEmail(getDatabase().read, "ada@example.com"))!;
    const [recorded] = await recordDeployments(getDatabase(), CLI_ACTOR, "test", [{ service: "checkout", environment: "production", status: "success", finishedAt: new Date("2026-01-01T09:00:00Z") }], false);
    await setLocalePreference(getDatabase(), ada.id, "zh-CN");
    setRequestHeaders({ cookie, "accept-language": "en-US" });
    expect(await editService({ status: "idle" }, form({ slug: "checkout", name: "Checkout API", changeReuse: "once", changeToleranceMinutes: "0" }))).toMatchObject({ status: "success", message: "已保存 Checkout API。" });
    expect(await flagDeploymentAction({ status: "idle" }, form({ deploymentId: String(recorded!.deployment.id), flag: "unplanned", value: "true" }))).toMatchObject({ status: "success", message: "已保存，指标从现在起按此计算。" });
    await setLocalePreference(getDatabase(), ada.id, null);
    expect(await flagDeploymentAction({ status: "idle" }, form({ deploymentId: String(recorded!.deployment.id), flag: "unplanned", value: "false" }))).toMatchObject({ status: "success", message: "Saved; the metrics use it from now on." });
  });
});
