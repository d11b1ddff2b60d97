import { beforeAll, describe, expect, it, vi } from "vitest";
import { sql } from "drizzle-orm";
import { getDatabase } from "@/db/client";
import { firstRow } from "@/db/raw";
import { findIncidentById } from "@/db/queries/incidents";
import { findUserByEmail } from "@/db/queries/users";
import { processDatabase } from "@/db/test/engine";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { getAuth } from "@/lib/auth/auth";
import { recordIncident } from "@/lib/incidents/record";
import { createTeam } from "@/lib/teams/teams";
import { createUserAccount, setUserActiveState } from "@/lib/users/users";
import type { UserRole } from "@/lib/auth/roles";
import { IDLE } from "./form-state";
import { declareIncident, setLeadAction } from "./incident-response";
import { addMemberAction, addOverrideAction } from "./teams";
import { sessionCookie, setRequestHeaders, settle } from "./test-request";

vi.mock("next/headers", async () => (await import("./test-request")).nextHeadersMock);
vi.mock("next/cache", async () => (await import("./test-request")).nextCacheMock);

processDatabase();

const PASSWORD = "a-password-for-tests-1";
const cookies: Record<string, string> = {};
const ids: Record<string, string> = {};
let incidentId = 0;

beforeAll(async () => {
  const db = getDatabase();
  const people: [string, UserRole][] = [["admin", "admin"], ["eng", "engineer"], ["vic", "viewer"], ["gone", "engineer"]];
  for (const [name, role] of people) {
    await createUserAccount(await getAuth(), db, CLI_ACTOR, { email: `${name}@example.com`, name, role, password: PASSWORD });
    ids[name] = (await findUserByEmail(db.read, `${name}@example.com`))!.id;
  }
  for (const name of ["admin", "eng"]) cookies[name] = await sessionCookie(`${name}@example.com`, PASSWORD);
  await setUserActiveState(db, CLI_ACTOR, { userId: ids.gone!, active: false });
  await createTeam(db, CLI_ACTOR, { slug: "payments", name: "Payments" });
  incidentId = (await recordIncident(db, CLI_ACTOR, "test", { title: "Queue backlog", service: "queue", severity: "SEV3", startedAt: new Date("2026-11-20T14:00:00Z") })).incident.id;
});

const form = (fields: Record<string, string | number>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, String(v));
  return data;
};
const as = (who: string, language = "en") => setRequestHeaders({ cookie: cookies[who]!, "accept-language": language });
const count = async (table: string) => (await firstRow<{ n: number }>(getDatabase().read, sql`select count(*) as "n" from ${sql.identifier(table)}`))!.n;

/* A person is taken on only as the pages' pickers offer them: posting an id the picker hid is refused. */
describe("the people an action takes on", () => {
  it("a lead: refuses a deactivated person or a viewer, in the page's language, and keeps the lead", async () => {
    as("eng");
    expect(await setLeadAction(IDLE, form({ incidentId, leadId: ids.eng! }))).toMatchObject({ status: "success" });
    expect(await setLeadAction(IDLE, form({ incidentId, leadId: ids.gone! }))).toMatchObject({ status: "error", message: "Lead is a deactivated user.", fields: { leadId: "Lead is a deactivated user" } });
    as("eng", "zh-CN");
    expect(await setLeadAction(IDLE, form({ incidentId, leadId: ids.vic! }))).toMatchObject({ status: "error", message: "负责人是查看者，无法记录故障或改进项。" });
    expect((await findIncidentById(getDatabase().read, incidentId))!.leadId).toBe(ids.eng);
  });

  it("a lead named when declaring: refused, and no incident is declared", async () => {
    as("eng");
    const before = await count("incidents");
    const refused = await settle(declareIncident(IDLE, form({ title: "Checkout down", service: "queue", severity: "SEV2", leadId: ids.vic!, timeZone: "UTC" })));
    expect(refused).toMatchObject({ status: "error", fields: { leadId: "Lead is a viewer, who cannot record incidents or action items" } });
    expect(await count("incidents")).toBe(before);
  });

  it("a team member or on-call cover: refuses a deactivated person, in the page's language, and writes nothing", async () => {
    as("admin");
    expect(await addMemberAction(IDLE, form({ team: "payments", userId: ids.gone! }))).toMatchObject({ status: "error", message: "Person is a deactivated user." });
    as("admin", "zh-CN");
    expect(await addOverrideAction(IDLE, form({ team: "payments", userId: ids.gone!, startsAt: "2026-11-20T18:00", endsAt: "2026-11-21T06:00", timeZone: "UTC" }))).toMatchObject({ status: "error", fields: { userId: "人员是已停用的用户" } });
    expect([await count("team_members"), await count("oncall_overrides")]).toEqual([0, 0]);
  });
});
