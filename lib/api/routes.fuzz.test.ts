import fc from "fast-check";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDatabase } from "@/db/client";
import { createApiToken } from "@/lib/auth/tokens";
import { findUserByEmail } from "@/db/queries/users";
import { processDatabase } from "@/db/test/engine";
import { writeLog, type WriteLog } from "@/db/test/write-log";
import { sessionCookie, setRequestHeaders } from "@/app/_actions/test-request";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { getAuth } from "@/lib/auth/auth";
import { recordIncident } from "@/lib/incidents/record";
import { createUserAccount } from "@/lib/users/users";
import { anyInstant, brokenBody, hostileJson, hostileQuery, hostileString, invalidBody, prototypePolluted, stalledBody, urlSegment, type FieldSpec } from "@/lib/testing/bad-input";
import { BodyGate } from "@/lib/api/body";
import { POST as postChange } from "@/app/api/v1/changes/route";
import { POST as postDeployments } from "@/app/api/v1/deployments/route";
import { PATCH as patchIncident } from "@/app/api/v1/incidents/[id]/route";
import { GET as getActionItems, POST as postActionItem } from "@/app/api/v1/incidents/[id]/action-items/route";
import { PATCH as patchActionItem } from "@/app/api/v1/action-items/[id]/route";
import { createActionItem } from "@/lib/action-items/items";
import { POST as postIncident } from "@/app/api/v1/incidents/route";
import { GET as getMetrics } from "@/app/api/v1/metrics/route";
import { GET as getOpenApi } from "@/app/api/v1/openapi.json/route";
import { PUT as putService } from "@/app/api/v1/services/[slug]/route";
import { GET as getTimeline } from "@/app/api/v1/timeline/route";
import { GET as getWall } from "@/app/api/wall/[token]/route";
import { GET as getPrometheus } from "@/app/metrics/route";
import { GET as getCsv } from "@/app/(app)/drilldown/[kind]/csv/route";

vi.mock("next/headers", async () => (await import("@/app/_actions/test-request")).nextHeadersMock);
vi.mock("next/server", async (original) => ({ ...(await original<typeof import("next/server")>()), connection: async () => undefined }));

/**
 * Thousands of malformed requests at every API route that reads input: none may answer 5xx, every
 * refusal names its problem, and a refused request writes nothing (the token's last-use stamp aside).
 */
processDatabase();

let token = "";
let incidentId = 0;
let actionItemId = 0;
let log: WriteLog;
beforeAll(async () => {
  const db = getDatabase();
  token = (await createApiToken(db, CLI_ACTOR, { name: "fuzz", role: "admin" })).token;
  incidentId = (await recordIncident(db, CLI_ACTOR, "test", { title: "Target", service: "checkout", severity: "SEV3", startedAt: new Date("2026-01-01T00:00:00Z") })).incident.id;
  await createUserAccount(await getAuth(), db, CLI_ACTOR, { email: "viewer@example.com", name: "Viewer", role: "viewer", password: "viewer-password-1" });
  await createUserAccount(await getAuth(), db, CLI_ACTOR, { email: "owner@example.com", name: "Owner", role: "engineer", password: "owner-password-1" });
  actionItemId = (await createActionItem(db, CLI_ACTOR, incidentId, { title: "Target", owner: "owner@example.com", dueDate: "2026-02-01" })).id;
  expect(await findUserByEmail(db.read, "viewer@example.com")).toBeDefined();
  setRequestHeaders({ cookie: await sessionCookie("viewer@example.com", "viewer-password-1") });
  log = await writeLog(getDatabase(), ["api_tokens.update"]);
});

type Handler = (request: Request, route: { params: Promise<Record<string, string>> }) => Promise<Response>;

function request(method: string, path: string, body?: BodyInit) {
  return new Request(`http://tandem.test${path}`, { method, headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body });
}

/** The contract's promise for a bad request: a 4xx that names the problem, nothing written, no 5xx ever. */
async function expectClean(response: Response, mark: number, o: { refuse: boolean }) {
  const text = await response.text();
  expect(response.status, text).toBeLessThan(500);
  if (o.refuse) expect(response.status, text).toBeGreaterThanOrEqual(400);
  if (response.status >= 400) {
    const { error } = JSON.parse(text) as { error: { message: string; fields?: Record<string, string> } };
    expect(error.message.length, text).toBeGreaterThan(8);
    const [first] = Object.keys(error.fields ?? {});
    if (first) expect(error.message, text).toContain(first === "_" ? error.fields![first]! : first);
    expect(await log.since(mark), text).toEqual([]);
  }
  expect(prototypePolluted()).toEqual([]);
}

async function send(handler: Handler, req: Request, params: Record<string, string>, refuse: boolean) {
  const mark = await log.mark();
  await expectClean(await handler(req, { params: Promise.resolve(params) }), mark, { refuse });
}

const json = (value: unknown) => JSON.stringify(value);

const DEPLOYMENT: Record<string, FieldSpec> = {
  service: { kind: "slug", required: true },
  status: { kind: "enum", required: true },
  finishedAt: { kind: "timestamp", required: true },
  environment: { kind: "text", max: 64 },
  version: { kind: "text", max: 200 },
  sha: { kind: "sha" },
  startedAt: { kind: "timestamp" },
  commits: { kind: "array" },
  externalId: { kind: "text", max: 200 },
  rollbackOf: { kind: "ref" },
  unplanned: { kind: "bool" },
  changeFailed: { kind: "bool" },
  changeRequest: { kind: "id" },
  deployedBy: { kind: "text", max: 200 },
  url: { kind: "url" },
};
const INCIDENT: Record<string, FieldSpec> = {
  title: { kind: "text", max: 200, required: true },
  service: { kind: "slug", required: true },
  severity: { kind: "enum", required: true },
  startedAt: { kind: "timestamp", required: true },
  status: { kind: "enum" },
  acknowledgedAt: { kind: "timestamp", nullable: true },
  resolvedAt: { kind: "timestamp", nullable: true },
  causedBy: { kind: "ref", nullable: true },
  summary: { kind: "text", max: 50_000, nullable: true },
  externalId: { kind: "text", max: 200 },
};
const { service: _service, externalId: _externalId, ...PATCHABLE } = INCIDENT;
const PATCH: Record<string, FieldSpec> = Object.fromEntries(Object.entries(PATCHABLE).map(([k, v]) => [k, { ...v, required: false }]));
const CHANGE: Record<string, FieldSpec> = {
  title: { kind: "text", max: 200, required: true },
  service: { kind: "slug", required: true },
  type: { kind: "enum", required: true },
  risk: { kind: "enum", required: true },
  description: { kind: "text", max: 20_000 },
  rollbackPlan: { kind: "text", max: 20_000 },
  plannedStart: { kind: "timestamp" },
  plannedEnd: { kind: "timestamp" },
  requester: { kind: "text", max: 320 },
};
const SERVICE: Record<string, FieldSpec> = { name: { kind: "text", max: 100 }, team: { kind: "slug", blank: true }, description: { kind: "text", max: 2000 }, repository: { kind: "url", blank: true } };

const okDeployment = { service: "fuzz", status: "success", finishedAt: "2026-01-01T10:00:00Z" };
const okIncident = { title: "Fuzzed", service: "fuzz", severity: "SEV3", startedAt: "2026-01-01T10:00:00Z" };
const ACTION_ITEM: Record<string, FieldSpec> = {
  title: { kind: "text", max: 200, required: true },
  owner: { kind: "text", max: 320, required: true },
  // Not "timestamp": a bare day ("2026-01-01") is a bad timestamp but the very form a due date takes.
  dueDate: { kind: "text", max: 10, required: true },
  status: { kind: "enum" },
  url: { kind: "url", nullable: true, blank: true },
};
const ACTION_ITEM_PATCH: Record<string, FieldSpec> = Object.fromEntries(Object.entries(ACTION_ITEM).map(([k, v]) => [k, { ...v, required: false }]));
const okActionItem = { title: "Fuzzed", owner: "owner@example.com", dueDate: "2026-03-01" };
const okChange = { title: "Fuzzed", service: "fuzz", type: "emergency", risk: "low" };

/** Path segments no slug can be. */
const badSlug = fc.oneof(hostileString.filter((s) => !/^\s*[a-zA-Z0-9][a-zA-Z0-9-]{0,63}\s*$/.test(s)), fc.constantFrom("-1", "1.5", "-", "a_b"));
/** Path segments that name no incident. */
const badId = fc.oneof(hostileString, fc.constantFrom("-1", "0", "1.5", "1e3", "0x10", "Infinity", "99999999999999999999", "9007199254740993"));

describe("fuzzing the API routes with malformed input", () => {
  it("POST /api/v1/deployments refuses 1,500 invalid deployments and batches, writing nothing", async () => {
    const single = invalidBody(okDeployment, DEPLOYMENT);
    const batch = fc.tuple(single, fc.nat(3)).map(([bad, at]) => ({ deployments: Array<Record<string, unknown>>(okDeployment, okDeployment, okDeployment).toSpliced(at, 0, bad) }));
    await fc.assert(
      fc.asyncProperty(fc.oneof(single, batch), async (body) => send(postDeployments, request("POST", "/api/v1/deployments", json(body)), {}, true)),
      { numRuns: 1500 },
    );
  });

  it("POST /api/v1/incidents refuses 1,000 invalid incidents", async () => {
    await fc.assert(
      fc.asyncProperty(invalidBody(okIncident, INCIDENT), async (body) => send(postIncident, request("POST", "/api/v1/incidents", json(body)), {}, true)),
      { numRuns: 1000 },
    );
  });

  it("PATCH /api/v1/incidents/{id} refuses 800 invalid patches and ids", async () => {
    const badPatch = invalidBody({ summary: "ok" }, PATCH).map((body) => ({ id: String(incidentId), body }));
    const unknownId = fc.tuple(badId.filter((id) => Number(id) !== incidentId), fc.constant({ summary: "ok" })).map(([id, body]) => ({ id, body }));
    await fc.assert(
      fc.asyncProperty(fc.oneof(badPatch, unknownId), async ({ id, body }) => send(patchIncident, request("PATCH", `/api/v1/incidents/${urlSegment(id)}`, json(body)), { id }, true)),
      { numRuns: 800 },
    );
  });

  it("POST /api/v1/incidents/{id}/action-items and PATCH /api/v1/action-items/{id} refuse 800 invalid items and ids (issue 17, item 3)", async () => {
    const badNew = invalidBody(okActionItem, ACTION_ITEM).map((body) => ({ handler: postActionItem, path: `/api/v1/incidents/${incidentId}/action-items`, id: String(incidentId), body, method: "POST" }));
    const badPatch = invalidBody({ status: "open" }, ACTION_ITEM_PATCH).map((body) => ({ handler: patchActionItem, path: `/api/v1/action-items/${actionItemId}`, id: String(actionItemId), body, method: "PATCH" }));
    const unknownId = badId.filter((id) => Number(id) !== incidentId && Number(id) !== actionItemId).chain((id) =>
      fc.constantFrom(
        { handler: postActionItem, path: `/api/v1/incidents/${urlSegment(id)}/action-items`, id, body: okActionItem as Record<string, unknown>, method: "POST" },
        { handler: patchActionItem, path: `/api/v1/action-items/${urlSegment(id)}`, id, body: { status: "open" } as Record<string, unknown>, method: "PATCH" },
        { handler: getActionItems, path: `/api/v1/incidents/${urlSegment(id)}/action-items`, id, body: undefined, method: "GET" },
      ),
    );
    await fc.assert(
      fc.asyncProperty(fc.oneof(badNew, badPatch, unknownId), async ({ handler, path, id, body, method }) => send(handler, request(method, path, body === undefined ? undefined : json(body)), { id }, true)),
      { numRuns: 800 },
    );
  });

  it("POST /api/v1/changes refuses 800 invalid change requests", async () => {
    await fc.assert(
      fc.asyncProperty(invalidBody(okChange, CHANGE), async (body) => send(postChange, request("POST", "/api/v1/changes", json(body)), {}, true)),
      { numRuns: 800 },
    );
  });

  it("PUT /api/v1/services/{slug} refuses 600 invalid services, slugs and unknown fields", async () => {
    const badFields = invalidBody({ name: "Fuzz" }, SERVICE).map((body) => ({ slug: "fuzz", body }));
    const wrongSlug = fc.tuple(badSlug, fc.constant({ name: "Fuzz" })).map(([slug, body]) => ({ slug, body }));
    const unknownField = fc.tuple(fc.oneof(fc.constantFrom("__proto__", "constructor", "prototype", "slug", "id"), fc.string({ minLength: 1, maxLength: 8 }).filter((k) => !(k in SERVICE))), hostileJson).map(([key, value]) => ({
      slug: "fuzz",
      body: Object.defineProperty({ name: "Fuzz" }, key, { value, enumerable: true }) as Record<string, unknown>,
    }));
    await fc.assert(
      fc.asyncProperty(fc.oneof(badFields, wrongSlug, unknownField), async ({ slug, body }) => send(putService, request("PUT", `/api/v1/services/${urlSegment(slug)}`, json(body)), { slug }, true)),
      { numRuns: 600 },
    );
  });

  it("every JSON route refuses 1,000 broken bodies: bad UTF-8, not JSON, not an object, nested 20,000 deep", async () => {
    const routes: [Handler, string, string, Record<string, string>][] = [
      [postDeployments, "POST", "/api/v1/deployments", {}],
      [postIncident, "POST", "/api/v1/incidents", {}],
      [patchIncident, "PATCH", `/api/v1/incidents/${incidentId}`, { id: String(incidentId) }],
      [postChange, "POST", "/api/v1/changes", {}],
      [putService, "PUT", "/api/v1/services/fuzz", { slug: "fuzz" }],
      [postActionItem, "POST", `/api/v1/incidents/${incidentId}/action-items`, { id: String(incidentId) }],
      [patchActionItem, "PATCH", `/api/v1/action-items/${actionItemId}`, { id: String(actionItemId) }],
    ];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), brokenBody, async ([handler, method, path, params], { bytes }) => send(handler, request(method, path, bytes), params, true)),
      { numRuns: 1000 },
    );
  });

  it("every JSON route cuts off 60 bodies that stall, with 408, and refuses a stranger's unread with 401, writing nothing", async () => {
    const routes: [Handler, string, string, Record<string, string>][] = [
      [postDeployments, "POST", "/api/v1/deployments", {}],
      [postIncident, "POST", "/api/v1/incidents", {}],
      [patchIncident, "PATCH", `/api/v1/incidents/${incidentId}`, { id: String(incidentId) }],
      [postChange, "POST", "/api/v1/changes", {}],
      [putService, "PUT", "/api/v1/services/fuzz", { slug: "fuzz" }],
      [postActionItem, "POST", `/api/v1/incidents/${incidentId}/action-items`, { id: String(incidentId) }],
      [patchActionItem, "PATCH", `/api/v1/action-items/${actionItemId}`, { id: String(actionItemId) }],
    ];
    const gate = globalThis as unknown as { bodyGate?: BodyGate };
    gate.bodyGate = new BodyGate(20);
    try {
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...routes), stalledBody, fc.boolean(), async ([handler, method, path, params], { stream }, withToken) => {
          const headers = withToken ? { authorization: `Bearer ${token}`, "content-type": "application/json" } : { "content-type": "application/json" };
          const stalled = new Request(`http://tandem.test${path}`, { method, headers, body: stream(), duplex: "half" } as RequestInit);
          const mark = await log.mark();
          const response = await handler(stalled, { params: Promise.resolve(params) });
          expect(response.status).toBe(withToken ? 408 : 401);
          await expectClean(response, mark, { refuse: true });
        }),
        { numRuns: 60 },
      );
    } finally {
      gate.bodyGate = undefined;
    }
  });

  it("no write route fails on 600 arbitrary JSON values", async () => {
    const routes: [Handler, string, string, Record<string, string>][] = [
      [postDeployments, "POST", "/api/v1/deployments", {}],
      [postIncident, "POST", "/api/v1/incidents", {}],
      [patchIncident, "PATCH", `/api/v1/incidents/${incidentId}`, { id: String(incidentId) }],
      [postChange, "POST", "/api/v1/changes", {}],
      [putService, "PUT", "/api/v1/services/fuzz", { slug: "fuzz" }],
      [postActionItem, "POST", `/api/v1/incidents/${incidentId}/action-items`, { id: String(incidentId) }],
      [patchActionItem, "PATCH", `/api/v1/action-items/${actionItemId}`, { id: String(actionItemId) }],
    ];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), hostileJson, async ([handler, method, path, params], body) => send(handler, request(method, path, json(body) ?? "null"), params, false)),
      { numRuns: 600 },
    );
  });

  it("the read routes answer 1,500 hostile query strings without a 5xx", async () => {
    const reads: [Handler, string, readonly string[]][] = [
      [getMetrics, "/api/v1/metrics", ["from", "to", "service", "team", "environment"]],
      [getTimeline, "/api/v1/timeline", ["limit", "before", "type", "service", "team", "environment"]],
      [getPrometheus, "/metrics", ["from", "to", "service"]],
      [getOpenApi, "/api/v1/openapi.json", ["format", "version"]],
    ];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...reads), fc.constantFrom(...reads).chain(([, , names]) => hostileQuery(names)), async ([handler, path], query) =>
        send(handler, request("GET", `${path}?${query}`), {}, false),
      ),
      { numRuns: 1500 },
    );
  });

  it("the metrics routes answer 500 windows reaching the ends of time without a 5xx", async () => {
    const window = fc.record({ from: fc.option(anyInstant, { nil: undefined }), to: fc.option(anyInstant, { nil: undefined }) }, { requiredKeys: [] });
    await fc.assert(
      fc.asyncProperty(window, fc.boolean(), async (w, csv) => {
        const query = new URLSearchParams(Object.entries(w).filter((e): e is [string, string] => e[1] !== undefined));
        if (!csv) return send(getMetrics, request("GET", `/api/v1/metrics?${query}`), {}, false);
        const mark = await log.mark();
        const response = await getCsv(new Request(`http://tandem.test/drilldown/series/csv?${query}`), { params: Promise.resolve({ kind: "series" }) });
        if (response.status !== 200) await expectClean(response, mark, { refuse: false });
      }),
      { numRuns: 500 },
    );
  });

  it("the drill-down CSV answers 400 hostile kinds and filters without a 5xx", async () => {
    const kind = fc.oneof(fc.constantFrom("deployments", "lead-time", "failures", "rework", "incidents", "series"), hostileString);
    await fc.assert(
      fc.asyncProperty(kind, hostileQuery(["from", "to", "service", "team", "environment"]), async (k, query) => {
        const mark = await log.mark();
        const response = await getCsv(new Request(`http://tandem.test/drilldown/${urlSegment(k)}/csv?${query}`), { params: Promise.resolve({ kind: k }) });
        if (response.status !== 200) await expectClean(response, mark, { refuse: false });
      }),
      { numRuns: 400 },
    );
  });

  it("the wall's data route answers 300 forged link tokens with 404, writing nothing", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(hostileString, fc.string().map((s) => `wl_${s}`)).filter((s) => s !== "session"), async (tokenValue) => {
        const mark = await log.mark();
        const response = await getWall(new Request(`http://tandem.test/api/wall/${urlSegment(tokenValue)}`), { params: Promise.resolve({ token: tokenValue }) });
        expect(response.status).toBe(404);
        await expectClean(response, mark, { refuse: true });
      }),
      { numRuns: 300 },
    );
  });
});
