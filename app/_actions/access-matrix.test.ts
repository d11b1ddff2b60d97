import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { desc } from "drizzle-orm";
import { getDatabase } from "@/db/client";
import { oncallOverrides } from "@/db/schema";
import { insertFreeze, insertTemplate } from "@/db/queries/changes";
import { createApiToken } from "@/lib/auth/tokens";
import { findUserByEmail } from "@/db/queries/users";
import { processDatabase } from "@/db/test/engine";
import { writeLog, type WriteLog } from "@/db/test/write-log";
import { ACTIONS, actionKey, allows, PRINCIPALS, type Principal } from "@/lib/auth/access-registry";
import { CLI_ACTOR, type Actor, type UserActor } from "@/lib/auth/actor";
import { getAuth } from "@/lib/auth/auth";
import { USER_ROLES, type UserRole } from "@/lib/auth/roles";
import { submitChange } from "@/lib/changes/submit";
import { recordIncident } from "@/lib/incidents/record";
import { createActionItem } from "@/lib/action-items/items";
import { recordDeployments } from "@/lib/ingest/deployments";
import { createUserAccount } from "@/lib/users/users";
import { upsertService } from "@/lib/services/services";
import { addMember, addOverride, createTeam } from "@/lib/teams/teams";
import { createCalendarFeed, newCalendarFeedSchema } from "@/lib/changes/calendar-feeds";
import { createWallLink } from "@/lib/wall/links";
import { newWallLinkSchema } from "@/lib/wall/schema";
import { createIntegration, integrationKey } from "@/lib/webhooks/integrations";
import { channelKey, createChannel } from "@/lib/notifications/channels";
import { newChannelSchema } from "@/lib/notifications/schema";
import type { FormState } from "./form-state";
import { sessionCookie, setRequestHeaders, settle } from "./test-request";

vi.mock("next/headers", async () => (await import("./test-request")).nextHeadersMock);
vi.mock("next/cache", async () => (await import("./test-request")).nextCacheMock);

processDatabase();

const password = (role: string) => `${role}-password-123`;
const actors = {} as Record<UserRole, UserActor>;
const credentials = {} as Record<Exclude<Principal, "anonymous" | `user:${string}`>, string>;
const cookies = new Map<UserRole, string>();
let log: WriteLog;

beforeAll(async () => {
  const db = getDatabase();
  for (const role of USER_ROLES) {
    await createUserAccount(await getAuth(), db, CLI_ACTOR, { email: `${role}@example.com`, name: `The ${role}`, role, password: password(role) });
    actors[role] = { type: "user", id: (await findUserByEmail(db.read, `${role}@example.com`))!.id, label: role, role };
  }
  for (const role of ["read", "ingest", "admin"] as const) credentials[`token:${role}`] = (await createApiToken(db, CLI_ACTOR, { name: role, role })).token;
  credentials.wall = (await createWallLink(db, CLI_ACTOR, newWallLinkSchema.parse({ name: "TV", views: [{}] }))).path.split("/").pop()!;
  await submitChange(db, CLI_ACTOR, "test", { title: "seed", service: "checkout", type: "normal", risk: "low", plannedStart: new Date("2030-01-01T10:00:00Z"), plannedEnd: new Date("2030-01-01T11:00:00Z") });
  await db.transaction((tx) => insertTemplate(tx, { title: "Routine", serviceId: null, team: null, maxRisk: "low", createdAt: new Date() }));
  // A team a template may cover: one a service belongs to.
  await upsertService(db, CLI_ACTOR, "core-api", { team: "core" });
  log = await writeLog(getDatabase());
});

/** The headers each kind of caller brings: a session cookie, or a bearer credential an action must ignore. */
async function headersOf(principal: Principal): Promise<HeadersInit> {
  if (principal === "anonymous") return {};
  if (principal.startsWith("user:")) {
    const role = principal.slice(5) as UserRole;
    if (!cookies.has(role)) cookies.set(role, await sessionCookie(`${role}@example.com`, password(role)));
    return { cookie: cookies.get(role)! };
  }
  return { authorization: `Bearer ${credentials[principal as keyof typeof credentials]}` };
}

/** The actor owning what a sample touches: the caller when it is a person (changes can be closed only by their requester). */
const ownerOf = (principal: Principal): Actor => (principal.startsWith("user:") ? actors[principal.slice(5) as UserRole] : CLI_ACTOR);

let seq = 0;
const form = (fields: Record<string, string | number>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, String(v));
  return data;
};
const change = async (owner: Actor, o: { draft?: boolean; type?: "standard" | "normal" } = {}) =>
  (await submitChange(getDatabase(), owner, "test", { title: `change ${++seq}`, service: "checkout", type: o.type ?? "standard", template: o.type === "normal" ? undefined : "Routine", risk: "low", plannedStart: new Date("2030-01-01T10:00:00Z"), plannedEnd: new Date("2030-01-01T11:00:00Z") }, { draft: o.draft })).id;
const incident = async () => (await recordIncident(getDatabase(), CLI_ACTOR, "test", { title: `incident ${++seq}`, service: "checkout", severity: "SEV3", startedAt: new Date("2026-01-01T10:00:00Z") })).incident.id;
const deployment = async () => (await recordDeployments(getDatabase(), CLI_ACTOR, "test", [{ service: "checkout", environment: "production", status: "success", finishedAt: new Date("2026-01-01T09:00:00Z") }], false))[0]!.deployment.id;
const integration = async () => (await createIntegration(getDatabase(), CLI_ACTOR, await integrationKey(getDatabase(), undefined), { source: "github", name: `gh ${++seq}` })).integration.id;
const channel = async () =>
  (await createChannel(getDatabase(), CLI_ACTOR, await channelKey(getDatabase(), undefined), newChannelSchema.parse({ kind: "webhook", name: `hook ${++seq}`, target: "http://127.0.0.1:9/hook" }), false)).channel.id;
const actionItem = async () => (await createActionItem(getDatabase(), CLI_ACTOR, await incident(), { title: `follow-up ${++seq}`, owner: "engineer@example.com", dueDate: "2030-01-01" })).id;
const person = async () => {
  const email = `person${++seq}@example.com`;
  await createUserAccount(await getAuth(), getDatabase(), CLI_ACTOR, { email, name: "Someone", role: "viewer", password: password("someone") });
  return (await findUserByEmail(getDatabase().read, email))!.id;
};

/** A new team with one member (the viewer), for the team actions to work on. */
const team = async () => {
  const slug = `team-${++seq}`;
  await createTeam(getDatabase(), CLI_ACTOR, { slug, name: slug });
  await addMember(getDatabase(), CLI_ACTOR, { team: slug, userId: actors.viewer.id });
  return slug;
};

/** A valid call of each action, prepared afresh for every caller so an allowed one succeeds. */
const SAMPLES: Record<string, (principal: Principal) => Promise<FormData> | FormData> = {
  "changes#fileChange": () => form({ title: "Rotate keys", service: "checkout", type: "standard", risk: "low", template: "Routine", timeZone: "UTC" }),
  "changes#decideAction": async () => form({ changeId: await change(CLI_ACTOR, { type: "normal" }), decision: "approved", comment: "Looks safe" }),
  "changes#submitDraftAction": async (p) => form({ changeId: await change(ownerOf(p), { draft: true }) }),
  "changes#cancelChangeAction": async (p) => form({ changeId: await change(ownerOf(p), { draft: true }) }),
  "changes#addFreeze": () => form({ name: `Freeze ${++seq}`, startsAt: "2030-12-20T00:00", endsAt: "2030-12-27T00:00", timeZone: "UTC" }),
  "changes#removeFreeze": async () => form({ id: (await getDatabase().transaction((tx) => insertFreeze(tx, { name: "f", startsAt: new Date("2030-01-01"), endsAt: new Date("2030-01-02"), createdAt: new Date() }))).id }),
  "changes#addTemplate": () => form({ title: `Template ${++seq}`, team: "core", maxRisk: "low" }),
  "changes#removeTemplateAction": async () => form({ id: (await getDatabase().transaction((tx) => insertTemplate(tx, { title: `Doomed ${++seq}`, serviceId: null, team: "core", maxRisk: "low", createdAt: new Date() }))).id }),
  "changes#outcomeAction": async (p) => form({ changeId: await change(ownerOf(p)), outcome: "implemented" }),
  "deployments#recordDeploymentAction": () => form({ service: "checkout", status: "success", finishedAt: "2026-01-02T10:00", timeZone: "UTC" }),
  "deployments#flagDeploymentAction": async () => form({ deploymentId: await deployment(), flag: "changeFailed", value: "true" }),
  "incident-response#declareIncident": () => form({ title: "Checkout down", service: "checkout", severity: "SEV2", timeZone: "UTC" }),
  "incident-response#moveIncidentAction": async () => form({ incidentId: await incident(), status: "identified" }),
  "incident-response#acknowledgeAction": async () => form({ incidentId: await incident() }),
  "incident-response#addNoteAction": async () => form({ incidentId: await incident(), body: "Rolling back" }),
  "incident-response#setLeadAction": async (p) => form({ incidentId: await incident(), leadId: p.startsWith("user:") ? ownerOf(p).id! : "" }),
  "incident-response#setCommunicationsAction": async () => form({ incidentId: await incident(), communications: "engineer@example.com" }),
  "incident-response#correctTimesAction": async () => form({ incidentId: await incident(), startedAt: "2026-01-01T09:30", timeZone: "UTC" }),
  "incident-response#postmortemAction": async () => form({ incidentId: await incident(), postmortem: "## What happened" }),
  "action-items#addActionItemAction": async () => form({ incidentId: await incident(), title: "Add an alert", owner: "engineer@example.com", dueDate: "2030-01-01", url: "" }),
  "action-items#editActionItemAction": async () => form({ actionItemId: await actionItem(), title: "Add two alerts", owner: "approver@example.com", dueDate: "2030-02-01", status: "open", url: "https://example.com/runbook" }),
  "action-items#setActionItemStatusAction": async () => form({ actionItemId: await actionItem(), status: "done" }),
  "incidents#confirmCause": async () => form({ incidentId: await incident(), deploymentId: await deployment() }),
  "integrations#addIntegration": () => form({ source: "gitlab", name: `GitLab ${++seq}` }),
  "integrations#saveIntegrationConfig": async () => form({ id: await integration(), serviceMap: "acme/shop = checkout" }),
  "integrations#setIntegrationEnabled": async () => form({ id: await integration(), enabled: "false" }),
  "integrations#saveIntegrationGate": async () => form({ id: await integration(), appId: "4242", apiBaseUrl: "https://github.example.com/api/v3", credential: "" }),
  "notifications#addChannel": () => form({ kind: "slack", name: `Slack ${++seq}`, target: "https://hooks.slack.com/services/T0/B0/XXXXXXXXXXXXXXXXXXXX", team: "", "events.incident.declared": "on" }),
  "notifications#setChannelEnabledAction": async () => form({ id: await channel(), enabled: "false" }),
  "notifications#deleteChannelAction": async () => form({ id: await channel() }),
  "notifications#sendTestAction": async () => form({ id: await channel() }),
  "notifications#setChannelLocaleAction": async () => form({ id: await channel(), locale: "zh-CN" }),
  "services#editService": () => form({ slug: "checkout", name: `Checkout ${++seq}` }),
  "session#signIn": () => form({ email: "viewer@example.com", password: password("viewer") }),
  "session#signOut": () => new FormData(),
  "theme#setTheme": () => form({ theme: "dark" }),
  // English, not the language the matrix would otherwise leave each person in: the refusals below are read in their words.
  "locale#setLanguage": () => form({ locale: "en" }),
  "tokens#createToken": () => form({ name: `CI ${++seq}`, role: "ingest" }),
  "tokens#revokeToken": async () => form({ id: (await createApiToken(getDatabase(), CLI_ACTOR, { name: "old", role: "read" })).record.id }),
  "users#createUser": () => form({ email: `new${++seq}@example.com`, name: "New Person", role: "engineer", password: "a-long-password-1" }),
  "users#changeRole": async () => form({ userId: await person(), role: "engineer" }),
  "users#setActive": async () => form({ userId: await person(), active: "false" }),
  "teams#createTeamAction": () => form({ slug: `new-team-${++seq}`, name: "New team" }),
  "teams#deleteTeamAction": async () => form({ team: await team() }),
  "teams#addMemberAction": async () => form({ team: await team(), userId: actors.engineer.id }),
  "teams#removeMemberAction": async () => form({ team: await team(), userId: actors.viewer.id }),
  "teams#moveMemberAction": async () => {
    const slug = await team();
    await addMember(getDatabase(), CLI_ACTOR, { team: slug, userId: actors.engineer.id });
    return form({ team: slug, userId: actors.engineer.id, direction: "up" });
  },
  "teams#setRotationAction": async () => form({ team: await team(), shiftHours: 168, handoverTime: "09:00", timeZone: "Europe/Berlin", startsOn: "2026-01-05" }),
  "teams#addOverrideAction": async () => form({ team: await team(), userId: actors.viewer.id, startsAt: "2030-01-01T18:00", endsAt: "2030-01-02T06:00", timeZone: "UTC" }),
  "teams#removeOverrideAction": async () => {
    const slug = await team();
    await addOverride(getDatabase(), CLI_ACTOR, { team: slug, userId: actors.viewer.id, startsAt: new Date("2030-01-01T00:00:00Z"), endsAt: new Date("2030-01-02T00:00:00Z"), reason: null });
    const [row] = await getDatabase().read.select({ id: oncallOverrides.id }).from(oncallOverrides).orderBy(desc(oncallOverrides.id)).limit(1);
    return form({ team: slug, id: row!.id });
  },
  "wall-links#addWallLink": () => form({ name: `TV ${++seq}`, "views.0.name": "", "views.0.team": "", "views.0.services": "", "views.0.panels": "all" }),
  "wall-links#removeWallLink": async () => form({ id: (await createWallLink(getDatabase(), CLI_ACTOR, newWallLinkSchema.parse({ name: "old TV", views: [{}] }))).link.id }),
  "calendar-feeds#addCalendarFeed": () => form({ name: `Calendar ${++seq}`, team: "" }),
  "calendar-feeds#removeCalendarFeed": async () => form({ id: (await createCalendarFeed(getDatabase(), CLI_ACTOR, newCalendarFeedSchema.parse({ name: "old feed" }))).feed.id }),
};

/** Allowed calls that rightly write no rows (a cookie; ending a session that may not exist). */
const WRITE_NOTHING = new Set(["theme#setTheme", "session#signOut"]);

type Action = (...args: [FormState, FormData] | [FormData]) => Promise<unknown>;
async function load(module: string, name: string): Promise<Action> {
  const loaded = (await import(/* @vite-ignore */ path.resolve("app/_actions", `${module}.ts`))) as Record<string, Action>;
  return loaded[name]!;
}
/** useActionState actions take (previous state, form); plain form actions take the form alone. */
const call = (action: Action, data: FormData) => (action.length >= 2 ? action({ status: "idle" }, data) : action(data));

describe("every server action answers each kind of caller as the access registry says", () => {
  it("has a valid sample call for every registered action", () => {
    expect(Object.keys(SAMPLES).sort()).toEqual(ACTIONS.map(actionKey).sort());
  });

  for (const entry of ACTIONS) {
    for (const principal of PRINCIPALS) {
      const allowed = allows(entry, principal);
      it(`${actionKey(entry)} × ${principal}: ${allowed ? "allowed" : "refused, nothing written"}`, async () => {
        const data = await SAMPLES[actionKey(entry)]!(principal);
        setRequestHeaders(await headersOf(principal));
        const action = await load(entry.module, entry.name);
        const mark = await log.mark();
        const result = await settle(call(action, data));
        if (allowed) {
          if (result !== undefined) expect(result).toMatchObject({ status: expect.stringMatching(/^(success|redirect)$/) });
          if (!WRITE_NOTHING.has(actionKey(entry))) expect(await log.since(mark)).not.toEqual([]);
          // Signing out ends that session: sign in again for the next cell.
          if (entry.name === "signOut" && principal.startsWith("user:")) cookies.delete(principal.slice(5) as UserRole);
        } else {
          const message = principal.startsWith("user:") ? `Your role (${principal.slice(5)}) does not allow you to` : "Sign in to continue.";
          expect(result).toMatchObject({ status: "error", message: expect.stringContaining(message) });
          expect(await log.since(mark)).toEqual([]);
        }
      });
    }
  }
});
