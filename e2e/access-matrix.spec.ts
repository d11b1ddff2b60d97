import fs from "node:fs";
import Database from "better-sqlite3";
import type { APIRequestContext, PlaywrightWorkerArgs } from "@playwright/test";
import { allows, PRINCIPALS, ROUTES, routeKey, type Principal } from "@/lib/auth/access-registry";
import type { TokenRole } from "@/lib/auth/roles";
import { test, expect, storageStateFor } from "./support/fixtures";
import { ADMIN_TOKEN_FILE, E2E_DB, INGEST_TOKEN_FILE, READ_TOKEN_FILE, WALL_LINK_FILE } from "./support/users";

const secret = (file: string) => fs.readFileSync(file, "utf8").trim();
const TOKEN_FILES: Record<TokenRole, string> = { read: READ_TOKEN_FILE, ingest: INGEST_TOKEN_FILE, admin: ADMIN_TOKEN_FILE };
const wallToken = () => secret(WALL_LINK_FILE).split("/").pop()!;

/** Whether any text anywhere in the test database contains `marker`: what a refused write must not leave. */
function databaseContains(marker: string): boolean {
  const db = new Database(E2E_DB, { readonly: true });
  try {
    const tables = db.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'").pluck().all() as string[];
    return tables.some((table) =>
      (db.prepare(`select name from pragma_table_info(?) where lower(type) = 'text'`).pluck().all(table) as string[]).some((column) =>
        Boolean(db.prepare(`select 1 from "${table}" where instr("${column}", ?) > 0 limit 1`).get(marker)),
      ),
    );
  } finally {
    db.close();
  }
}

/** `stream`: a Server-Sent Events route, which never ends by itself; only its status is read. */
type Call = { path: string; data?: unknown; headers?: Record<string, string>; stream?: boolean };
type Context = { marker: string; principal: Principal; incidentId: number; actionItemId: number; freezeId: number };

/**
 * A valid request for each route (so a refusal can only be about who asks), writing `marker`
 * somewhere when it writes at all. Writes land in 2020 and a "matrix" environment, away from
 * the windows other specs measure.
 */
const SAMPLES: Record<string, (c: Context) => Call> = {
  "GET /api/health": () => ({ path: "/api/health" }),
  // Paths no route serves (a typo of a real one): the API's 404 for everyone, writing nothing.
  "GET /api/v1/[...path]": () => ({ path: "/api/v1/deployment" }),
  "POST /api/v1/[...path]": ({ marker }) => ({ path: "/api/v1/deployment", data: { service: "matrix", environment: "matrix", status: "success", finishedAt: "2020-01-01T00:00:00Z", version: marker } }),
  "PUT /api/v1/[...path]": ({ marker }) => ({ path: "/api/v1/service/matrix", data: { name: marker } }),
  "PATCH /api/v1/[...path]": ({ marker, incidentId }) => ({ path: `/api/v1/incident/${incidentId}`, data: { summary: marker } }),
  "DELETE /api/v1/[...path]": ({ freezeId }) => ({ path: `/api/v1/freeze/${freezeId}` }),
  "GET /metrics": () => ({ path: "/metrics" }),
  "GET /api/v1/metrics": () => ({ path: "/api/v1/metrics?environment=matrix" }),
  "GET /api/v1/timeline": () => ({ path: "/api/v1/timeline?limit=1" }),
  "GET /api/v1/oncall": () => ({ path: "/api/v1/oncall?team=payments" }),
  "GET /api/v1/openapi.json": () => ({ path: "/api/v1/openapi.json" }),
  "POST /api/v1/deployments": ({ marker }) => ({
    path: "/api/v1/deployments",
    data: { service: "matrix", environment: "matrix", status: "success", finishedAt: "2020-01-01T00:00:00Z", version: marker },
  }),
  "POST /api/v1/incidents": ({ marker }) => ({
    path: "/api/v1/incidents",
    data: { title: marker, service: "matrix", severity: "SEV4", status: "resolved", startedAt: "2020-01-01T00:00:00Z", resolvedAt: "2020-01-01T01:00:00Z" },
  }),
  "PATCH /api/v1/incidents/[id]": ({ marker, incidentId }) => ({ path: `/api/v1/incidents/${incidentId}`, data: { summary: marker } }),
  "GET /api/v1/incidents/[id]/action-items": ({ incidentId }) => ({ path: `/api/v1/incidents/${incidentId}/action-items` }),
  "POST /api/v1/incidents/[id]/action-items": ({ marker, incidentId }) => ({
    path: `/api/v1/incidents/${incidentId}/action-items`,
    data: { title: marker, owner: "engineer@example.com", dueDate: "2020-01-02" },
  }),
  "PATCH /api/v1/action-items/[id]": ({ marker, actionItemId }) => ({ path: `/api/v1/action-items/${actionItemId}`, data: { title: marker } }),
  "POST /api/v1/changes": ({ marker }) => ({ path: "/api/v1/changes", data: { title: marker, service: "matrix", type: "emergency", risk: "low" } }),
  "PUT /api/v1/services/[slug]": ({ marker }) => ({ path: `/api/v1/services/${marker}`, data: { name: marker } }),
  "POST /api/v1/gate": ({ marker }) => ({ path: "/api/v1/gate", data: { service: "matrix", environment: "matrix", version: marker } }),
  "POST /api/v1/freezes": ({ marker }) => ({ path: "/api/v1/freezes", data: { name: marker, startsAt: "2020-01-01T00:00:00Z", endsAt: "2020-01-02T00:00:00Z" } }),
  "DELETE /api/v1/freezes/[id]": ({ freezeId }) => ({ path: `/api/v1/freezes/${freezeId}` }),
  // Opsgenie authenticates by bearer secret: an API token or wall link sent there must not pass for it.
  "POST /api/v1/webhooks/[source]": ({ marker }) => ({ path: "/api/v1/webhooks/opsgenie", data: { action: "Create", alert: { alertId: marker, message: marker } } }),
  "POST /api/v1/webhooks/[source]/[integration]": ({ marker }) => ({ path: "/api/v1/webhooks/opsgenie/1", data: { action: "Create", alert: { alertId: marker, message: marker } } }),
  "GET /api/wall/[token]": ({ principal }) => ({ path: `/api/wall/${principal === "wall" ? wallToken() : "session"}` }),
  "GET /api/wall/[token]/events": ({ principal }) => ({ path: `/api/wall/${principal === "wall" ? wallToken() : "session"}/events`, stream: true }),
  "GET /drilldown/[kind]/csv": () => ({ path: "/drilldown/deployments/csv" }),
  // No session or token opens a feed: only a live link's secret does (e2e/calendar.spec.ts follows one).
  "GET /api/calendar/[feed]": () => ({ path: "/api/calendar/cal_not-a-feed.ics" }),
};

/** The bearer header of a token or wall-link principal; none for anonymous (users carry a session instead). */
function bearerHeaders(principal: Principal): Record<string, string> {
  const bearer = principal.startsWith("token:") ? secret(TOKEN_FILES[principal.slice(6) as TokenRole]) : principal === "wall" ? wallToken() : undefined;
  return bearer ? { authorization: `Bearer ${bearer}` } : {};
}

/** A request context carrying the principal's credential: a saved session, or a bearer token. */
async function as(playwright: PlaywrightWorkerArgs["playwright"], baseURL: string | undefined, principal: Principal): Promise<APIRequestContext> {
  if (principal.startsWith("user:")) return playwright.request.newContext({ baseURL, storageState: storageStateFor(principal.slice(5) as never) });
  return playwright.request.newContext({ baseURL, extraHTTPHeaders: bearerHeaders(principal) });
}

/** The credential header a principal sends, for a plain fetch that can stop reading after the status. */
function credentialHeaders(principal: Principal): Record<string, string> {
  if (!principal.startsWith("user:")) return bearerHeaders(principal);
  const state = JSON.parse(fs.readFileSync(storageStateFor(principal.slice(5) as never), "utf8")) as { cookies: { name: string; value: string }[] };
  return { cookie: state.cookies.map((c) => `${c.name}=${c.value}`).join("; ") };
}

async function streamStatus(baseURL: string | undefined, principal: Principal, path: string): Promise<{ status: number; type: string | null }> {
  const abort = new AbortController();
  const response = await fetch(`${baseURL}${path}`, { headers: credentialHeaders(principal), signal: abort.signal, redirect: "manual" });
  abort.abort();
  return { status: response.status, type: response.headers.get("content-type") };
}

let incidentId = 0;
let actionItemId = 0;
let freezeId = 0;
test.beforeAll(async ({ playwright, baseURL }) => {
  const ingest = await as(playwright, baseURL, "token:ingest");
  const response = await ingest.post("/api/v1/incidents", {
    data: { title: "Matrix target", service: "matrix", severity: "SEV4", status: "resolved", startedAt: "2020-01-01T00:00:00Z", resolvedAt: "2020-01-01T01:00:00Z" },
  });
  expect(response.status()).toBe(201);
  incidentId = (await response.json()).id;
  const item = await ingest.post(`/api/v1/incidents/${incidentId}/action-items`, { data: { title: "Matrix follow-up", owner: "engineer@example.com", dueDate: "2020-01-02" } });
  expect(item.status()).toBe(201);
  actionItemId = (await item.json()).id;
  await ingest.dispose();
  const admin = await as(playwright, baseURL, "token:admin");
  const freeze = await admin.post("/api/v1/freezes", { data: { name: "Matrix target", startsAt: "2020-01-01T00:00:00Z", endsAt: "2020-01-02T00:00:00Z" } });
  expect(freeze.status()).toBe(201);
  freezeId = (await freeze.json()).id;
  await admin.dispose();
});

test("every registered route has a sample request", () => {
  expect(Object.keys(SAMPLES).sort()).toEqual(ROUTES.map(routeKey).sort());
});

let seq = 0;
for (const entry of ROUTES) {
  for (const principal of PRINCIPALS) {
    const allowed = allows(entry, principal);
    test(`${routeKey(entry)} × ${principal}: ${allowed ? "answered" : "refused, nothing written"}`, async ({ playwright, baseURL }) => {
      const marker = `matrix-${Date.now().toString(36)}-${process.pid}-${++seq}`;
      const call = SAMPLES[routeKey(entry)]!({ marker, principal, incidentId, actionItemId, freezeId });
      if (call.stream) {
        const { status, type } = await streamStatus(baseURL, principal, call.path);
        if (allowed) expect(type).toContain("text/event-stream");
        else expect([401, 403, 404]).toContain(status);
        return;
      }
      const context = await as(playwright, baseURL, principal);
      const response = await context.fetch(call.path, { method: entry.method, data: call.data, maxRedirects: 0 });
      const writes = call.data !== undefined;
      if (allowed) {
        expect(response.status(), await response.text()).toBeLessThan(300);
        expect(response.status()).toBeGreaterThanOrEqual(200);
        if (writes) expect(databaseContains(marker)).toBe(true);
      } else {
        expect([401, 403, 404], await response.text()).toContain(response.status());
        if (writes) expect(databaseContains(marker)).toBe(false);
      }
      await context.dispose();
    });
  }
}
