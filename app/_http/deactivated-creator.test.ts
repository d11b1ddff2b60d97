import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getDatabase } from "@/db/client";
import { tempDir } from "@/db/test/temp-db";
import { ROUTES, routeKey } from "@/lib/auth/access-registry";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { getAuth } from "@/lib/auth/auth";
import { createApiToken } from "@/lib/auth/tokens";
import { recordIncident } from "@/lib/incidents/record";
import { createTeam } from "@/lib/teams/teams";
import { createActionItem } from "@/lib/action-items/items";
import { createFreeze } from "@/lib/changes/freezes";
import { createUserAccount, setUserActiveState } from "@/lib/users/users";

vi.mock("next/headers", async () => (await import("@/app/_actions/test-request")).nextHeadersMock);
vi.mock("next/server", async (original) => ({ ...(await original<typeof import("next/server")>()), connection: async () => undefined }));

/**
 * Issue 15, item 11, across the access matrix: every route an admin token may call refuses one whose
 * creator has been deactivated (401), though the same request was answered while they were active.
 */
const t = tempDir();
process.env.DATABASE_URL = `file:${t.file}`;
afterAll(() => t.cleanup());

let token = "";
let creatorId = "";
let incidentId = 0;
let actionItemId = 0;
let freezeId = 0;
beforeAll(async () => {
  const db = getDatabase();
  await createUserAccount(await getAuth(), db, CLI_ACTOR, { email: "stays@example.com", name: "Stays", role: "admin", password: "stays-password-1" });
  const creator = await createUserAccount(await getAuth(), db, CLI_ACTOR, { email: "leaver@example.com", name: "Leaver", role: "admin", password: "leaver-password-1" });
  creatorId = creator.id;
  token = (await createApiToken(db, { type: "user", id: creator.id, label: creator.email, role: "admin" }, { name: "leaver's", role: "admin" })).token;
  freezeId = (await createFreeze(db, CLI_ACTOR, { name: "Target", service: null, startsAt: new Date("2030-01-01T00:00:00Z"), endsAt: new Date("2030-01-02T00:00:00Z"), reason: null })).id;
  incidentId = (await recordIncident(db, CLI_ACTOR, "test", { title: "Target", service: "checkout", severity: "SEV3", startedAt: new Date("2026-01-01T00:00:00Z") })).incident.id;
  await createTeam(db, CLI_ACTOR, { slug: "ops", name: "Ops" });
  actionItemId = (await createActionItem(db, CLI_ACTOR, incidentId, { title: "Target", owner: "stays@example.com", dueDate: "2026-02-01" })).id;
});

type Handler = (request: Request, route: { params: Promise<Record<string, string>> }) => Promise<Response>;
const TOKEN_ROUTES = ROUTES.filter((r) => (r.allow as readonly string[]).includes("token:admin") && !(r.allow as readonly string[]).includes("anonymous"));

/** A valid body for each write, so that only the token can be the reason for a refusal. */
const BODIES: Record<string, unknown> = {
  "POST /api/v1/deployments": { service: "checkout", status: "success", finishedAt: "2026-01-01T09:00:00Z" },
  "POST /api/v1/incidents": { title: "Down", service: "checkout", severity: "SEV3", startedAt: "2026-01-01T10:00:00Z" },
  "PATCH /api/v1/incidents/[id]": { summary: "Looking" },
  "POST /api/v1/changes": { title: "Rotate keys", service: "checkout", type: "emergency", risk: "low", requester: "stays@example.com" },
  "PUT /api/v1/services/[slug]": { name: "Leaver service" },
  "POST /api/v1/incidents/[id]/action-items": { title: "Add an alert", owner: "stays@example.com", dueDate: "2026-02-01" },
  "PATCH /api/v1/action-items/[id]": { status: "done" },
  "POST /api/v1/gate": { service: "checkout" },
  "POST /api/v1/freezes": { name: "Leaver freeze", startsAt: "2030-01-01T00:00:00Z", endsAt: "2030-01-02T00:00:00Z" },
};

/** A valid query for each read that needs one. */
const QUERIES: Record<string, string> = { "GET /api/v1/oncall": "?team=ops" };

async function call(route: (typeof TOKEN_ROUTES)[number]): Promise<number> {
  const handler = ((await import(/* @vite-ignore */ path.resolve(route.file))) as Record<string, Handler>)[route.method]!;
  const write = route.method !== "GET";
  const request = new Request(`http://tandem.test/api/v1/x${QUERIES[routeKey(route)] ?? ""}`, {
    method: route.method,
    headers: { authorization: `Bearer ${token}`, ...(write ? { "content-type": "application/json" } : {}) },
    body: write ? JSON.stringify(BODIES[routeKey(route)]) : undefined,
  });
  const id = route.file.includes("action-items/[id]") ? actionItemId : route.file.includes("freezes") ? freezeId : incidentId;
  return (await handler(request, { params: Promise.resolve({ id: String(id), slug: "leaver-service" }) })).status;
}

describe("a token whose creator is deactivated", () => {
  it("covers every route an admin token may call", () => {
    expect(TOKEN_ROUTES.map(routeKey).length).toBeGreaterThan(5);
  });

  it("is answered on every such route while its creator is active, and refused with 401 once they are not", async () => {
    const before = Object.fromEntries(await Promise.all(TOKEN_ROUTES.map(async (r) => [routeKey(r), await call(r)] as const)));
    for (const [key, status] of Object.entries(before)) expect(status, key).toBeLessThan(300);
    await setUserActiveState(getDatabase(), CLI_ACTOR, { userId: creatorId, active: false });
    const after = Object.fromEntries(await Promise.all(TOKEN_ROUTES.map(async (r) => [routeKey(r), await call(r)] as const)));
    expect(after).toEqual(Object.fromEntries(TOKEN_ROUTES.map((r) => [routeKey(r), 401])));
  });
});
