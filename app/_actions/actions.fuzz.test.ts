import path from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDatabase } from "@/db/client";
import { insertFreeze, insertTemplate } from "@/db/queries/changes";
import { createApiToken } from "@/lib/auth/tokens";
import { findUserByEmail } from "@/db/queries/users";
import { processDatabase } from "@/db/test/engine";
import { writeLog, type WriteLog } from "@/db/test/write-log";
import { ACTIONS, actionKey } from "@/lib/auth/access-registry";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { getAuth } from "@/lib/auth/auth";
import { submitChange } from "@/lib/changes/submit";
import { recordIncident } from "@/lib/incidents/record";
import { createActionItem } from "@/lib/action-items/items";
import { recordDeployments } from "@/lib/ingest/deployments";
import { badTimestamp, extremeTimestamp, hostileString, PROTO_KEYS, prototypePolluted } from "@/lib/testing/bad-input";
import { createUserAccount } from "@/lib/users/users";
import { createCalendarFeed, newCalendarFeedSchema } from "@/lib/changes/calendar-feeds";
import { createWallLink } from "@/lib/wall/links";
import { channelKey, createChannel } from "@/lib/notifications/channels";
import { newChannelSchema } from "@/lib/notifications/schema";
import { newWallLinkSchema } from "@/lib/wall/schema";
import { addMember, addOverride, createTeam } from "@/lib/teams/teams";
import { createIntegration, integrationKey } from "@/lib/webhooks/integrations";
import type { FormState } from "./form-state";
import { sessionCookie, setRequestHeaders, settle } from "./test-request";

vi.mock("next/headers", async () => (await import("./test-request")).nextHeadersMock);
vi.mock("next/cache", async () => (await import("./test-request")).nextCacheMock);

/**
 * Every server action, called by an admin (so the role check lets everything through to the
 * schema and the handler) with thousands of mangled forms: no action may fail unexpectedly (the
 * wrapper's "could not …; nothing was saved" answer), every refusal names its problem, and a
 * refused form writes nothing.
 */
processDatabase();

/** Valid forms to start from (ids of rows made in beforeAll); each run breaks some of their fields. */
let BASES: Record<string, Record<string, string>> = {};
/** Actions that take no form: signing out would end the fuzzing admin's own session. */
const NO_INPUT = new Set(["session#signOut"]);
let log: WriteLog;

beforeAll(async () => {
  const db = getDatabase();
  await createUserAccount(await getAuth(), db, CLI_ACTOR, { email: "admin@example.com", name: "Admin", role: "admin", password: "admin-password-1" });
  await createUserAccount(await getAuth(), db, CLI_ACTOR, { email: "target@example.com", name: "Target", role: "viewer", password: "target-password-1" });
  const target = (await findUserByEmail(db.read, "target@example.com"))!.id;
  const admin = (await findUserByEmail(db.read, "admin@example.com"))!.id;
  const change = (await submitChange(db, CLI_ACTOR, "test", { title: "c", service: "checkout", type: "normal", risk: "low", plannedStart: new Date("2030-01-01T00:00:00Z"), plannedEnd: new Date("2030-01-02T00:00:00Z") })).id;
  const incident = (await recordIncident(db, CLI_ACTOR, "test", { title: "i", service: "checkout", severity: "SEV3", startedAt: new Date("2026-01-01T00:00:00Z") })).incident.id;
  const deployment = (await recordDeployments(db, CLI_ACTOR, "test", [{ service: "checkout", environment: "production", status: "success", finishedAt: new Date("2026-01-01T00:00:00Z") }], false))[0]!.deployment.id;
  const actionItem = (await createActionItem(db, CLI_ACTOR, incident, { title: "a", owner: "admin@example.com", dueDate: "2030-01-01" })).id;
  const integration = (await createIntegration(db, CLI_ACTOR, await integrationKey(db, undefined), { source: "github", name: "gh" })).integration.id;
  const freeze = (await db.transaction((tx) => insertFreeze(tx, { name: "f", startsAt: new Date("2030-01-01"), endsAt: new Date("2030-01-02"), createdAt: new Date() }))).id;
  const token = (await createApiToken(db, CLI_ACTOR, { name: "t", role: "read" })).record.id;
  const template = (await db.transaction((tx) => insertTemplate(tx, { title: "Fuzz target", serviceId: null, team: "core", maxRisk: "low", createdAt: new Date() }))).id;
  const wall = (await createWallLink(db, CLI_ACTOR, newWallLinkSchema.parse({ name: "w", views: [{}] }))).link.id;
  const channel = String((await createChannel(db, CLI_ACTOR, await channelKey(db, undefined), newChannelSchema.parse({ kind: "webhook", name: "hook", target: "http://127.0.0.1:9/hook" }), false)).channel.id);
  await createTeam(db, CLI_ACTOR, { slug: "ops", name: "Ops" });
  await addMember(db, CLI_ACTOR, { team: "ops", userId: target });
  await addOverride(db, CLI_ACTOR, { team: "ops", userId: target, startsAt: new Date("2030-01-01T00:00:00Z"), endsAt: new Date("2030-01-02T00:00:00Z"), reason: null });
  const calendarFeed = (await createCalendarFeed(db, CLI_ACTOR, newCalendarFeedSchema.parse({ name: "c" }))).feed.id;
  const i = String(incident);
  BASES = {
    "changes#fileChange": { title: "Rotate keys", service: "checkout", type: "normal", risk: "high", plannedStart: "2030-03-01T10:00", plannedEnd: "2030-03-01T11:00", timeZone: "UTC", intent: "submit" },
    "changes#decideAction": { changeId: String(change), decision: "approved", comment: "ok" },
    "changes#submitDraftAction": { changeId: String(change) },
    "changes#cancelChangeAction": { changeId: String(change) },
    "changes#addFreeze": { name: "Holidays", service: "checkout", startsAt: "2030-12-20T00:00", endsAt: "2030-12-27T00:00", reason: "", timeZone: "UTC" },
    "changes#removeFreeze": { id: String(freeze) },
    "changes#addTemplate": { title: "Bump deps", service: "checkout", team: "", maxRisk: "low", description: "" },
    "changes#removeTemplateAction": { id: String(template) },
    "changes#outcomeAction": { changeId: String(change), outcome: "implemented" },
    "deployments#recordDeploymentAction": { service: "checkout", status: "success", startedAt: "2026-01-02T09:00", finishedAt: "2026-01-02T10:00", sha: "abcdef1", version: "1.0", environment: "production", changeRequest: "", unplanned: "on", timeZone: "UTC" },
    "deployments#flagDeploymentAction": { deploymentId: String(deployment), flag: "changeFailed", value: "true" },
    "incident-response#declareIncident": { title: "Down", service: "checkout", severity: "SEV3", startedAt: "2026-01-03T10:00", summary: "", timeZone: "UTC" },
    "incident-response#moveIncidentAction": { incidentId: i, status: "identified", note: "" },
    "incident-response#acknowledgeAction": { incidentId: i },
    "incident-response#addNoteAction": { incidentId: i, body: "update" },
    // The target is a viewer, who may not lead.
    "incident-response#setLeadAction": { incidentId: i, leadId: admin },
    "incident-response#setCommunicationsAction": { incidentId: i, communications: "admin@example.com" },
    "incident-response#correctTimesAction": { incidentId: i, startedAt: "2026-01-01T00:00", acknowledgedAt: "", resolvedAt: "", timeZone: "UTC" },
    "incident-response#postmortemAction": { incidentId: i, postmortem: "# What happened" },
    "action-items#addActionItemAction": { incidentId: i, title: "Add an alert", owner: "admin@example.com", dueDate: "2030-01-01", url: "https://example.com/a" },
    "action-items#editActionItemAction": { actionItemId: String(actionItem), title: "Add alerts", owner: "admin@example.com", dueDate: "2030-01-02", status: "open", url: "" },
    "action-items#setActionItemStatusAction": { actionItemId: String(actionItem), status: "done" },
    "incidents#confirmCause": { incidentId: i, deploymentId: String(deployment) },
    "integrations#addIntegration": { source: "gitlab", name: "GitLab", secret: "" },
    "integrations#saveIntegrationConfig": { id: String(integration), serviceMap: "a/b = checkout", environmentMap: "", severityMap: "", alertMatchers: "", deploymentWorkflows: "", severityLabel: "severity" },
    "integrations#setIntegrationEnabled": { id: String(integration), enabled: "true" },
    "integrations#saveIntegrationGate": { id: String(integration), appId: "4242", apiBaseUrl: "https://github.example.com/api/v3", credential: "" },
    "notifications#addChannel": { kind: "webhook", name: "Hook", target: "http://127.0.0.1:9/hook", team: "", "events.incident.declared": "on", "events.deployment.failed": "on" },
    "notifications#setChannelEnabledAction": { id: channel, enabled: "true" },
    "notifications#deleteChannelAction": { id: channel },
    "notifications#sendTestAction": { id: channel },
    "notifications#setChannelLocaleAction": { id: channel, locale: "zh-CN" },
    "services#editService": { slug: "checkout", name: "Checkout", team: "", description: "", repository: "", requireChange: "", changeToleranceMinutes: "", changeReuse: "once" },
    "session#signIn": { email: "target@example.com", password: "wrong-password", next: "/" },
    "theme#setTheme": { theme: "dark" },
    // English, so the checks below read each refusal in the words they expect (a Chinese setting would stick to the person).
    "locale#setLanguage": { locale: "en" },
    "tokens#createToken": { name: "CI", role: "ingest" },
    "tokens#revokeToken": { id: String(token) },
    "users#createUser": { email: "new@example.com", name: "New", role: "viewer", password: "a-long-password-1" },
    "users#changeRole": { userId: target, role: "engineer" },
    "users#setActive": { userId: target, active: "true" },
    "teams#createTeamAction": { slug: "new-team", name: "New team" },
    "teams#deleteTeamAction": { team: "ops" },
    "teams#addMemberAction": { team: "ops", userId: target },
    "teams#removeMemberAction": { team: "ops", userId: target },
    "teams#moveMemberAction": { team: "ops", userId: target, direction: "down" },
    "teams#setRotationAction": { team: "ops", shiftHours: "24", handoverTime: "02:30", timeZone: "Europe/Berlin", startsOn: "2026-03-28" },
    "teams#addOverrideAction": { team: "ops", userId: target, startsAt: "2030-02-01T18:00", endsAt: "2030-02-02T06:00", reason: "", timeZone: "UTC" },
    "teams#removeOverrideAction": { team: "ops", id: "1" },
    "wall-links#addWallLink": { name: "TV", expires: "", rotate: "", "views.0.name": "", "views.0.team": "", "views.0.services": "", "views.0.panels": "all" },
    "wall-links#removeWallLink": { id: String(wall) },
    "calendar-feeds#addCalendarFeed": { name: "Payments calendar", team: "" },
    "calendar-feeds#removeCalendarFeed": { id: String(calendarFeed) },
  };
  setRequestHeaders({ cookie: await sessionCookie("admin@example.com", "admin-password-1") });
  log = await writeLog(getDatabase());
});

type Action = (...args: [FormState, FormData] | [FormData]) => Promise<unknown>;
const loaded = new Map<string, Action>();
async function load(key: string): Promise<Action> {
  if (!loaded.has(key)) {
    const [module, name] = key.split("#") as [string, string];
    const exports = (await import(/* @vite-ignore */ path.resolve("app/_actions", `${module}.ts`))) as Record<string, Action>;
    loaded.set(key, exports[name]!);
  }
  return loaded.get(key)!;
}

/** What a form field can carry: hostile text, impossible dates and ids, or a file where text belongs. */
const fieldValue: fc.Arbitrary<string | Blob> = fc.oneof(
  { weight: 5, arbitrary: hostileString },
  { weight: 2, arbitrary: fc.oneof(badTimestamp, extremeTimestamp, extremeTimestamp.map((s) => s.slice(0, 16))) },
  { weight: 2, arbitrary: fc.oneof(fc.integer().map(String), fc.constantFrom("0", "-1", "1.5", "1e400", "NaN", "Infinity", " 1 ", "0x1", "9007199254740993", "99999999")) },
  { weight: 1, arbitrary: fc.constantFrom("on", "true", "false", "submit", "draft", "approved", "rejected", "SEV1", "admin", "") },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }).map((s) => new Blob([s])) },
);

type Edit = { field: string | null; op: "set" | "drop"; value: string | Blob };
const edits = (fields: string[]) =>
  fc.array(
    fc.record({
      field: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...fields) }, { weight: 1, arbitrary: fc.oneof(fc.constantFrom(...PROTO_KEYS, "$ACTION_ID_x", "$ACTION_REF_1"), fc.string({ maxLength: 8 })) }),
      op: fc.constantFrom("set", "set", "set", "drop"),
      value: fieldValue,
    }) as fc.Arbitrary<Edit>,
    { minLength: 1, maxLength: 4 },
  );

function formOf(base: Record<string, string>, changes: Edit[]): FormData {
  const form = new FormData();
  const values = new Map<string, string | Blob>(Object.entries(base));
  for (const e of changes) {
    if (e.op === "drop") values.delete(e.field!);
    else values.set(e.field!, e.value);
  }
  for (const [k, v] of values) form.append(k, v);
  return form;
}

describe("fuzzing the server actions", () => {
  it("has a starting form for every action that takes one", () => {
    expect(Object.keys(BASES).sort()).toEqual(ACTIONS.map(actionKey).filter((k) => !NO_INPUT.has(k)).sort());
  });

  it("answers 2,500 mangled forms without an unexpected failure; refusals name their field and write nothing", async () => {
    const action = fc.constantFrom(...Object.keys(BASES)).chain((key) => fc.tuple(fc.constant(key), edits(Object.keys(BASES[key]!))));
    await fc.assert(
      fc.asyncProperty(action, async ([key, changes]) => {
        const run = await load(key);
        const form = formOf(BASES[key]!, changes);
        const mark = await log.mark();
        const result = (await settle(run.length >= 2 ? run({ status: "idle" }, form) : run(form))) as FormState | { status: "redirect" } | undefined;
        expect(prototypePolluted()).toEqual([]);
        if (result?.status !== "error") return;
        expect(result.message, JSON.stringify(result)).not.toMatch(/^Tandem could not .*; nothing was saved/);
        expect(result.message.length).toBeGreaterThan(8);
        // The message names the field ("Title is required") or states its problem in words.
        const [first] = Object.entries(result.fields);
        if (first && first[0] !== "_") expect([first[0].split(".").at(-1)!, first[1]].some((part) => result.message.includes(part)), JSON.stringify(result)).toBe(true);
        expect(await log.since(mark), JSON.stringify(result)).toEqual([]);
      }),
      { numRuns: 2500 },
    );
    // A fixed amount of work, about 25 s on PostgreSQL here and longer on a busy CI machine: the limit
    // only catches a hang, it does not measure speed (the bench does).
  }, 180_000);

  it("refuses 200 integration mappings that name a reserved key (__proto__, constructor, prototype), naming it, and writes nothing", async () => {
    const run = await load("integrations#saveIntegrationConfig");
    const mapping = fc.record({
      field: fc.constantFrom("serviceMap", "environmentMap", "severityMap", "alertMatchers"),
      name: fc.constantFrom(...PROTO_KEYS),
      at: fc.nat(2),
      spaces: fc.constantFrom("", " ", "\t"),
    });
    await fc.assert(
      fc.asyncProperty(mapping, async ({ field, name, at, spaces }) => {
        const value = field === "severityMap" ? "SEV1" : "checkout";
        const lines = ["acme/api", "toString"].map((n) => `${n} = ${value}`).toSpliced(at, 0, `${spaces}${name}${spaces}=${spaces}${value}`);
        const form = formOf(BASES["integrations#saveIntegrationConfig"]!, [{ field, op: "set", value: lines.join("\n") }]);
        const mark = await log.mark();
        const result = (await run({ status: "idle" }, form)) as FormState;
        expect(result.status, JSON.stringify(result)).toBe("error");
        expect(result.status === "error" && result.fields[field], JSON.stringify(result)).toMatch(new RegExp(`(^|: )${name}: is reserved and cannot be mapped$`));
        expect(result.status === "error" && result.message).toContain(name);
        expect(await log.since(mark)).toEqual([]);
        expect(prototypePolluted()).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
