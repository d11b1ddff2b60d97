import { beforeAll, describe, expect, it } from "vitest";
import { sql, type SQL } from "drizzle-orm";
import { allRows, execute, firstRow } from "@/db/raw";
import { createApiToken } from "@/lib/auth/tokens";
import { processDatabase } from "@/db/test/engine";
import { insertTemplate } from "@/db/queries/changes";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { POST as gate } from "@/app/api/v1/gate/route";
import { POST as addFreeze } from "@/app/api/v1/freezes/route";
import { DELETE as liftFreeze } from "@/app/api/v1/freezes/[id]/route";
import { PUT as putService } from "@/app/api/v1/services/[slug]/route";
import { POST as fileChange } from "@/app/api/v1/changes/route";
import { POST as deploy } from "@/app/api/v1/deployments/route";
import { POST as declare } from "@/app/api/v1/incidents/route";
import { GET as timeline } from "@/app/api/v1/timeline/route";
import { notificationOutbox } from "@/db/schema";
import { channelKey, createChannel } from "@/lib/notifications/channels";
import { newChannelSchema } from "@/lib/notifications/schema";

/* POST /api/v1/gate, /api/v1/freezes and the service's gating fields, through their route handlers (TEST_NOW is 2026-11-20 14:30 UTC). */

const database = processDatabase();
const tokens: Record<string, string> = {};
beforeAll(async () => {
  for (const role of ["ingest", "read", "admin"] as const) tokens[role] = (await createApiToken(database.db(), CLI_ACTOR, { name: role, role })).token;
  await database.db().transaction((tx) => insertTemplate(tx, { title: "Routine", serviceId: null, team: null, maxRisk: "low", createdAt: new Date() }));
});

const call = (handler: (r: Request, c: { params: Promise<Record<string, string>> }) => Promise<Response>, method: string, path: string, body?: unknown, token = tokens.ingest!, params: Record<string, string> = {}) =>
  handler(
    new Request(`http://tandem.test${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    }),
    { params: Promise.resolve(params) },
  );
const ask = async (body: unknown, token?: string) => {
  const response = await call(gate, "POST", "/api/v1/gate", body, token);
  return { status: response.status, json: await response.json() };
};
const codes = async (body: unknown) => (await ask(body)).json.reasons.map((r: { code: string }) => r.code);
const service = (slug: string, body: unknown, token = tokens.admin!) => call(putService, "PUT", `/api/v1/services/${slug}`, body, token, { slug });
const change = async (body: Record<string, unknown>) =>
  (await (await call(fileChange, "POST", "/api/v1/changes", { title: "A change", ...(body.type === "standard" ? { template: "Routine" } : {}), ...body })).json()).id as number;
const count = async (query: SQL) => Number((await firstRow<{ n: number }>(database.db().read, query))!.n);

describe("POST /api/v1/gate", () => {
  it("answers 200 with allow or deny and every reason, recording each decision on the timeline and in the audit log", async () => {
    expect((await service("edge", { requireChange: ["production", "EU-Prod"] })).status).toBe(201);
    const denied = await ask({ service: "edge", version: "1.4.2" });
    expect(denied).toEqual({
      status: 200,
      json: { decision: "deny", reasons: [{ code: "change_required", message: "edge deploys to production only with an approved change request, and this deployment names none" }], changeRequest: null },
    });
    expect(await codes({ service: "edge", environment: "eu-prod" })).toEqual(["change_required"]);
    expect(await ask({ service: "edge", environment: "staging" })).toEqual({ status: 200, json: { decision: "allow", reasons: [], changeRequest: null } });

    const events = await (await timeline(new Request("http://tandem.test/api/v1/timeline?type=gate&service=edge", { headers: { authorization: `Bearer ${tokens.read}` } }), { params: Promise.resolve({}) })).json();
    expect(events.events.map((e: { action: string; environment: string }) => [e.action, e.environment])).toEqual([
      ["allowed", "staging"],
      ["denied", "eu-prod"],
      ["denied", "production"],
    ]);
    expect(events.events[2]).toMatchObject({ type: "gate", service: "edge", summary: expect.stringContaining("Gate denied edge 1.4.2 to production: edge deploys to production"), subject: { kind: "gate" }, url: "/services/edge" });
    const audited = await allRows<{ action: string; entity_id: string }>(database.db().read, sql`select "action", "entity_id" from "audit_log" where "entity_type" = 'gate_decision' order by "id"`);
    expect(audited.map((a) => a.action)).toEqual(["gate.denied", "gate.denied", "gate.allowed"]);
  });

  it("meets a service nobody named before as its deployment would: creates it, answers by the same rule, and puts the decision on its timeline", async () => {
    const shop = await change({ service: "edge", type: "standard", risk: "low" });
    const before = await count(sql`select count(*) as "n" from "services" where "slug" like 'brand-new%'`);
    expect(before).toBe(0);
    expect(await ask({ service: "brand-new", version: "0.1.0" })).toEqual({ status: 200, json: { decision: "allow", reasons: [], changeRequest: null } });
    expect(await count(sql`select count(*) as "n" from "services" where "slug" = 'brand-new' and "name" = 'brand-new'`)).toBe(1);
    const events = await (await call(timeline, "GET", "/api/v1/timeline?type=gate&service=brand-new", undefined, tokens.read)).json();
    expect(events.events).toEqual([expect.objectContaining({ type: "gate", action: "allowed", service: "brand-new", summary: "Gate allowed brand-new 0.1.0 to production", url: "/services/brand-new" })]);
    expect(await count(sql`select count(*) as "n" from "audit_log" where "action" = 'service.create' and "after" like '%brand-new%'`)).toBe(1);
    // A change that does not exist, or belongs to another service, still holds the new service back.
    expect(await ask({ service: "brand-new-2", changeRequest: 987654 })).toEqual({
      status: 200,
      json: { decision: "deny", reasons: [{ code: "change_not_found", message: "no change request has id 987654" }], changeRequest: 987654 },
    });
    expect(await codes({ service: "brand-new-3", changeRequest: shop })).toEqual(["change_other_service"]);
    expect(await codes({ service: "edge", changeRequest: 987654 })).toEqual(["change_not_found"]);
  });

  it("refuses a malformed body with 400 naming the field, writing nothing; a read token with 403", async () => {
    const before = await count(sql`select count(*) as "n" from "gate_decisions"`);
    const cases: [unknown, string, string][] = [
      [{}, "service", "is required"],
      [{ service: "Not A Slug" }, "service", "must be a slug: lower-case letters, digits and dashes, starting with a letter or digit"],
      [{ service: "edge", environment: "" }, "environment", "must not be empty"],
      [{ service: "edge", changeRequest: "7" }, "changeRequest", "must be a change request id"],
      [{ service: "edge", changeRequest: 0 }, "changeRequest", "must be a change request id"],
      [{ service: "edge", sha: "xyz" }, "sha", "must be a commit sha (7 to 64 hex digits)"],
    ];
    for (const [body, field, problem] of cases) {
      const { status, json } = await ask(body);
      expect(status).toBe(400);
      expect(json.error.fields[field]).toBe(problem);
    }
    expect((await ask("{not json")).status).toBe(400);
    expect((await ask({ service: "edge" }, tokens.read)).status).toBe(403);
    expect(await count(sql`select count(*) as "n" from "gate_decisions"`)).toBe(before);
  });

  it("allows an approved change of the service, and names what is wrong with any other", async () => {
    await service("shop", {});
    const own = await change({ service: "edge", type: "standard", risk: "low" });
    const other = await change({ service: "shop", type: "standard", risk: "low" });
    const pending = await change({ service: "edge", type: "normal", risk: "low", plannedStart: "2026-11-21T10:00:00Z", plannedEnd: "2026-11-21T12:00:00Z" });
    expect(await ask({ service: "edge", changeRequest: own })).toEqual({ status: 200, json: { decision: "allow", reasons: [], changeRequest: own } });
    expect(await codes({ service: "edge", changeRequest: other })).toEqual(["change_other_service"]);
    expect(await codes({ service: "edge", changeRequest: pending })).toEqual(["change_not_approved", "change_outside_window"]);
    // The window, widened by the service's tolerance: 20 h before the start is still outside 60 min of tolerance.
    await service("edge", { changeToleranceMinutes: 60 });
    expect(await codes({ service: "edge", changeRequest: pending })).toEqual(["change_not_approved", "change_outside_window"]);
  });

  it("denies during a freeze or an open SEV1/SEV2 of the service, unless the change is an emergency", async () => {
    const own = await change({ service: "edge", type: "standard", risk: "low" });
    const emergency = await change({ service: "edge", type: "emergency", risk: "high" });
    const created = await call(addFreeze, "POST", "/api/v1/freezes", { name: "Black Friday", startsAt: "2026-11-20T00:00:00+01:00", endsAt: "2026-11-23T00:00:00Z", reason: "peak" }, tokens.admin);
    expect(created.status).toBe(201);
    const freeze = await created.json();
    expect(freeze).toMatchObject({ name: "Black Friday", service: null, startsAt: "2026-11-19T23:00:00.000Z", endsAt: "2026-11-23T00:00:00.000Z", reason: "peak" });
    expect((await ask({ service: "edge", changeRequest: own })).json.reasons).toEqual([{ code: "freeze", message: 'the freeze "Black Friday" covers edge until 2026-11-23 00:00 UTC' }]);
    // Freezes hold back even a service that requires nothing.
    expect(await codes({ service: "shop" })).toEqual(["freeze"]);
    expect(await codes({ service: "new-in-the-freeze" })).toEqual(["freeze"]);
    expect(await codes({ service: "edge", changeRequest: emergency })).toEqual([]);
    expect((await call(liftFreeze, "DELETE", `/api/v1/freezes/${freeze.id}`, undefined, tokens.admin, { id: String(freeze.id) })).status).toBe(204);
    expect((await call(liftFreeze, "DELETE", `/api/v1/freezes/${freeze.id}`, undefined, tokens.admin, { id: String(freeze.id) })).status).toBe(404);
    expect(await codes({ service: "edge", changeRequest: own })).toEqual([]);

    const incident = await call(declare, "POST", "/api/v1/incidents", { title: "Checkout down", service: "edge", severity: "SEV2", startedAt: "2026-11-20T14:00:00Z" });
    expect(incident.status).toBe(201);
    const { id } = await incident.json();
    expect((await ask({ service: "edge", changeRequest: own })).json.reasons).toEqual([{ code: "open_incident", message: `SEV2 incident ${id} of edge is open: Checkout down; only an emergency change may deploy now` }]);
    expect(await codes({ service: "shop" })).toEqual([]);
    expect(await codes({ service: "edge", changeRequest: emergency })).toEqual([]);
    await database.db().transaction((tx) => execute(tx, sql`update "incidents" set "status" = 'resolved', "resolved_at" = ${new Date("2026-11-20T14:10:00Z").getTime()} where "id" = ${id}`));
    expect(await codes({ service: "edge", changeRequest: own })).toEqual([]);
  });
});

describe("POST /api/v1/freezes, DELETE /api/v1/freezes/{id}", () => {
  it("sets a freeze for one service, refusing bad input with the field named and other tokens with 403, writing nothing", async () => {
    const good = { name: "Audit", service: "shop", startsAt: "2026-12-01T00:00:00Z", endsAt: "2026-12-02T00:00:00Z" };
    const before = await count(sql`select count(*) as "n" from "freeze_windows"`);
    const cases: [unknown, string, string][] = [
      [{ ...good, name: "" }, "name", "is required"],
      [{ ...good, service: "nowhere" }, "service", "is not a known service"],
      [{ ...good, startsAt: "tomorrow" }, "startsAt", "must be an ISO-8601 timestamp with an offset, e.g. 2026-01-31T09:00:00Z"],
      [{ ...good, endsAt: "2026-11-30T00:00:00Z" }, "endsAt", "must be after startsAt"],
    ];
    for (const [body, field, problem] of cases) {
      const response = await call(addFreeze, "POST", "/api/v1/freezes", body, tokens.admin);
      expect(response.status).toBe(400);
      expect((await response.json()).error.fields[field]).toBe(problem);
    }
    expect((await call(addFreeze, "POST", "/api/v1/freezes", good, tokens.ingest)).status).toBe(403);
    expect((await call(liftFreeze, "DELETE", "/api/v1/freezes/1", undefined, tokens.ingest, { id: "1" })).status).toBe(403);
    expect((await call(liftFreeze, "DELETE", "/api/v1/freezes/x", undefined, tokens.admin, { id: "x" })).status).toBe(400);
    expect(await count(sql`select count(*) as "n" from "freeze_windows"`)).toBe(before);
    const created = await call(addFreeze, "POST", "/api/v1/freezes", good, tokens.admin);
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ id: expect.any(Number), service: "shop", reason: null });
    expect(await count(sql`select count(*) as "n" from "audit_log" where "action" = 'freeze.create'`)).toBeGreaterThan(0);
  });

  it("takes null for the service and the reason, as it returns them: every service, no reason", async () => {
    const created = await call(addFreeze, "POST", "/api/v1/freezes", { name: "All hands", service: null, startsAt: "2026-12-05T00:00:00Z", endsAt: "2026-12-06T00:00:00Z", reason: null }, tokens.admin);
    expect(created.status).toBe(201);
    const freeze = await created.json();
    expect(freeze).toMatchObject({ service: null, reason: null });
    expect((await call(liftFreeze, "DELETE", `/api/v1/freezes/${freeze.id}`, undefined, tokens.admin, { id: String(freeze.id) })).status).toBe(204);
  });
});

describe("a service's gating through PUT /api/v1/services/{slug}", () => {
  it("takes requireChange, the tolerance and the reuse from admin tokens only, and returns them", async () => {
    const response = await service("vault", { requireChange: ["staging", "production", "staging"], changeToleranceMinutes: 30, changeReuse: "until_closed" });
    expect(await response.json()).toMatchObject({ slug: "vault", requireChange: ["production", "staging"], changeToleranceMinutes: 30, changeReuse: "until_closed" });
    const refused = await service("vault", { requireChange: [] }, tokens.ingest);
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.message).toBe("A token with role ingest may not set requireChange: deployment gating needs an admin token.");
    expect((await (await service("vault", { name: "Vault" }, tokens.ingest)).json()).requireChange).toEqual(["production", "staging"]);
    for (const [body, field, problem] of [
      [{ requireChange: "production" }, "requireChange", "must be a list of environments"],
      [{ requireChange: [""] }, "requireChange.0", "must not be empty"],
      [{ changeToleranceMinutes: -1 }, "changeToleranceMinutes", "must not be negative"],
      [{ changeToleranceMinutes: 1.5 }, "changeToleranceMinutes", "must be a whole number of minutes"],
      [{ changeReuse: "twice" }, "changeReuse", "must be one of once, until_closed"],
    ] as const) {
      const bad = await service("vault", body);
      expect(bad.status).toBe(400);
      expect((await bad.json()).error.fields[field]).toBe(problem);
    }
  });

  it("lets a staging deployment ahead of production leave the change for production, which then uses it up", async () => {
    await service("ledger", { requireChange: ["production"] });
    const id = await change({ service: "ledger", type: "standard", risk: "low" });
    const run = (environment: string, n: number) =>
      call(deploy, "POST", "/api/v1/deployments", { service: "ledger", environment, status: "success", finishedAt: "2026-11-20T14:00:00Z", changeRequest: id, externalId: `ledger-${n}` });
    expect((await run("staging", 1)).status).toBe(201);
    expect(await codes({ service: "ledger", changeRequest: id })).toEqual([]);
    expect((await run("production", 2)).status).toBe(201);
    expect(await count(sql`select count(*) as "n" from "change_requests" where "id" = ${id} and "status" = 'implemented'`)).toBe(1);
    expect(await codes({ service: "ledger", changeRequest: id })).toEqual(["change_used"]);
    const again = await run("production", 3);
    expect(again.status).toBe(409);
    expect((await again.json()).error.fields.changeRequest).toBe("change_used");
    // Where the admin lets a change authorise every deployment until it is closed, it goes again.
    await service("ledger", { changeReuse: "until_closed" });
    expect(await codes({ service: "ledger", changeRequest: id })).toEqual([]);
    expect((await run("production", 4)).status).toBe(201);
  });
});

describe("gate.denied notifications", () => {
  it("a deny (not an allow) writes gate.denied with the question and the answer as the API gave it, routed by the service's team", async () => {
    const db = database.db();
    const key = await channelKey(db, undefined);
    expect((await service("bank-vault", { team: "platform", requireChange: ["production"] })).status).toBe(201);
    const hook = (await createChannel(db, CLI_ACTOR, key, newChannelSchema.parse({ kind: "webhook", name: "gate hook", target: "http://127.0.0.1:9/gate", events: "gate.denied", team: "platform" }), true)).channel.id;
    expect((await service("handbook", { team: "writers", requireChange: ["production"] })).status).toBe(201);
    const denied = await ask({ service: "bank-vault", version: "2.0.0" });
    await ask({ service: "bank-vault", environment: "staging" });
    await ask({ service: "handbook" }); // another team's service: not this channel's
    const messages = (await db.read.select().from(notificationOutbox)).filter((m) => m.channelId === hook);
    expect(messages.map((m) => m.event)).toEqual(["gate.denied"]);
    expect(messages[0]!.payload).toMatchObject({
      type: "gate.denied",
      service: "bank-vault",
      team: "platform",
      path: "/services/bank-vault",
      data: { service: "bank-vault", environment: "production", version: "2.0.0", ...denied.json },
    });
  });
});
