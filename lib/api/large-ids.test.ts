import { beforeAll, describe, expect, it } from "vitest";
import { processDatabase } from "@/db/test/engine";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { createApiToken } from "@/lib/auth/tokens";
import { POST as deploy } from "@/app/api/v1/deployments/route";
import { POST as declare } from "@/app/api/v1/incidents/route";
import { PATCH as patchIncident } from "@/app/api/v1/incidents/[id]/route";
import { GET as listItems, POST as addItem } from "@/app/api/v1/incidents/[id]/action-items/route";
import { PATCH as patchItem } from "@/app/api/v1/action-items/[id]/route";
import { DELETE as liftFreeze } from "@/app/api/v1/freezes/[id]/route";
import { POST as gate } from "@/app/api/v1/gate/route";
import { GET as timeline } from "@/app/api/v1/timeline/route";
import { POST as webhook } from "@/app/api/v1/webhooks/[source]/[integration]/route";

/*
 * Ids past PostgreSQL's `integer` (2,147,483,647) are a client's mistake on both engines: PostgreSQL
 * refuses such a parameter, which was a 500 there while SQLite answered 404 (run on both by vitest.config.mts).
 */

const database = processDatabase();
const tokens: Record<string, string> = {};
beforeAll(async () => {
  for (const role of ["ingest", "read", "admin"] as const) tokens[role] = (await createApiToken(database.db(), CLI_ACTOR, { name: role, role })).token;
});

type Handler = (r: Request, c: { params: Promise<Record<string, string>> }) => Promise<Response>;
const call = (handler: Handler, method: string, path: string, { body, token = tokens.ingest!, params = {} }: { body?: unknown; token?: string; params?: Record<string, string> } = {}) =>
  handler(new Request(`http://tandem.test${path}`, { method, headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) }), { params: Promise.resolve(params) });

/** PostgreSQL's largest `integer`, written out: the test must not take it from the code it checks. */
const MAX_RECORD_ID = 2_147_483_647;
const TOO_BIG = MAX_RECORD_ID + 1;
const at = "2026-11-20T14:00:00Z";

describe(`ids past ${MAX_RECORD_ID}`, () => {
  it.each([
    ["a deployment's rollbackOf", () => call(deploy, "POST", "/api/v1/deployments", { body: { service: "api", status: "success", finishedAt: at, rollbackOf: TOO_BIG } }), "rollbackOf"],
    ["a deployment's changeRequest", () => call(deploy, "POST", "/api/v1/deployments", { body: { service: "api", status: "success", finishedAt: at, changeRequest: TOO_BIG } }), "changeRequest"],
    ["an incident's causedBy", () => call(declare, "POST", "/api/v1/incidents", { body: { title: "x", service: "api", severity: "SEV3", startedAt: at, causedBy: TOO_BIG } }), "causedBy"],
    ["an incident in the path", () => call(patchIncident, "PATCH", `/api/v1/incidents/${TOO_BIG}`, { body: { title: "x" }, params: { id: String(TOO_BIG) } }), "id"],
    ["an incident's action items", () => call(listItems, "GET", `/api/v1/incidents/${TOO_BIG}/action-items`, { token: tokens.read, params: { id: String(TOO_BIG) } }), "id"],
    ["a new action item's incident", () => call(addItem, "POST", `/api/v1/incidents/${TOO_BIG}/action-items`, { body: { title: "x", owner: "a@example.com", dueDate: "2026-12-01" }, params: { id: String(TOO_BIG) } }), "id"],
    ["an action item in the path", () => call(patchItem, "PATCH", `/api/v1/action-items/${TOO_BIG}`, { body: { status: "done" }, params: { id: String(TOO_BIG) } }), "id"],
    ["a freeze in the path", () => call(liftFreeze, "DELETE", `/api/v1/freezes/${TOO_BIG}`, { token: tokens.admin, params: { id: String(TOO_BIG) } }), "id"],
    ["the gate's changeRequest", () => call(gate, "POST", "/api/v1/gate", { body: { service: "api", changeRequest: TOO_BIG } }), "changeRequest"],
    ["a timeline cursor", () => call(timeline, "GET", `/api/v1/timeline?before=${Buffer.from(`1773136800000:${TOO_BIG}`).toString("base64url")}`, { token: tokens.read }), "before"],
  ])("in %s are a 400 naming the field", async (_, send, field) => {
    const response = await send();
    expect(response.status).toBe(400);
    expect(Object.keys((await response.json()).error.fields ?? {})).toContain(field);
  });

  it("in a webhook's path are an integration nobody has: 401", async () => {
    const response = await webhook(new Request(`http://tandem.test/api/v1/webhooks/alertmanager/${TOO_BIG}`, { method: "POST", headers: { authorization: "Bearer x", "content-type": "application/json" }, body: "{}" }), {
      params: Promise.resolve({ source: "alertmanager", integration: String(TOO_BIG) }),
    });
    expect(response.status).toBe(401);
    expect((await response.json()).error.code).toBe("unauthorized");
  });

  it("stop just past the largest id: that one is still looked up, and not found", async () => {
    expect((await call(patchIncident, "PATCH", `/api/v1/incidents/${MAX_RECORD_ID}`, { body: { title: "x" }, params: { id: String(MAX_RECORD_ID) } })).status).toBe(404);
  });
});
