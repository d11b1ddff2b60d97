import { insertTemplate } from "@/db/queries/changes";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { createApiToken } from "@/lib/auth/tokens";
import { processDatabase } from "@/db/test/engine";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { recordIncident, patchIncident } from "@/lib/incidents/record";
import { recordDeployments } from "@/lib/ingest/deployments";
import { deploymentInputSchema } from "@/lib/ingest/schema";
import { incidentCreateSchema } from "@/lib/incidents/schema";
import { changeCreateSchema } from "@/lib/changes/schema";
import { submitChange } from "@/lib/changes/submit";
import { upsertService } from "@/lib/services/services";
import { GET } from "@/app/api/v1/timeline/route";

const database = processDatabase();
let token = "";
let db: Database;
const at = (minute: number) => new Date(Date.UTC(2026, 2, 10, 10, minute)).toISOString();
const deploy = async (service: string, minute: number, extra: Record<string, unknown> = {}) =>
  (await recordDeployments(db, CLI_ACTOR, "t", [deploymentInputSchema.parse({ service, status: "success", finishedAt: at(minute), ...extra })], false))[0]!.deployment;

beforeAll(async () => {
  db = database.db();
  token = (await createApiToken(db, CLI_ACTOR, { name: "r", role: "read" })).token;
  await upsertService(db, CLI_ACTOR, "api", { team: "core" });
  await upsertService(db, CLI_ACTOR, "web", { team: "growth" });
  for (let m = 0; m < 10; m++) await deploy(m % 2 ? "api" : "web", m, { environment: m === 9 ? "staging" : "production", version: `1.0.${m}` });
  const { incident } = await recordIncident(db, CLI_ACTOR, "t", incidentCreateSchema.parse({ title: "Slow", service: "api", severity: "SEV2", startedAt: at(20) }));
  await patchIncident(db, CLI_ACTOR, "t", incident.id, { status: "resolved", resolvedAt: new Date(at(30)) });
  await db.transaction((tx) => insertTemplate(tx, { title: "Bump", serviceId: null, team: "growth", maxRisk: "low", createdAt: new Date() }));
  await submitChange(db, CLI_ACTOR, "t", changeCreateSchema.parse({ title: "Bump", service: "web", type: "standard", risk: "low", template: "Bump" }));
});

const get = async (query: string) => {
  const response = await GET(new Request(`http://tandem.test/api/v1/timeline${query}`, { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({}) });
  return { status: response.status, body: await response.json() };
};

describe("GET /api/v1/timeline", () => {
  it("returns events newest first in the contract's shape", async () => {
    const { status, body } = await get("?type=deployment,incident&limit=3");
    expect(status).toBe(200);
    expect(body.events.map((e: { action: string }) => e.action)).toEqual(["resolved", "declared", "succeeded"]);
    expect(body.events[0]).toMatchObject({ type: "incident", at: "2026-03-10T10:30:00.000Z", service: "api", team: "core", environment: null, summary: "SEV2 resolved: Slow", subject: { kind: "incident" } });
    expect(body.events[0].url).toBe(`/incidents/${body.events[0].subject.id}`);
    expect(body.events[2]).toMatchObject({ type: "deployment", environment: "staging", summary: "api 1.0.9 deployed to staging" });
    expect(typeof body.next).toBe("string");
  });

  it("pages with a cursor that skips and repeats nothing while new events arrive", async () => {
    const seen: number[] = [];
    let cursor: string | null = null;
    let page = 0;
    do {
      const { body } = (await get(`?type=deployment&limit=4${cursor ? `&before=${cursor}` : ""}`)) as { body: { events: { id: number }[]; next: string | null } };
      seen.push(...body.events.map((e) => e.id));
      cursor = body.next;
      if (page++ === 0) await deploy("api", 59, { version: "new" });
    } while (cursor);
    expect(seen).toHaveLength(10);
    expect(new Set(seen).size).toBe(10);
  });

  it("filters by type, service, team and environment", async () => {
    expect((await get("?type=change")).body.events.map((e: { action: string }) => e.action)).toEqual(["approved", "submitted"]);
    expect((await get("?service=web&type=deployment")).body.events.every((e: { service: string }) => e.service === "web")).toBe(true);
    expect((await get("?team=core&type=incident")).body.events).toHaveLength(2);
    const staging = (await get("?environment=staging")).body.events;
    expect(staging.filter((e: { type: string }) => e.type === "deployment")).toHaveLength(1);
    expect((await get("?team=nobody")).body).toEqual({ events: [], next: null });
  });

  it.each([
    ["?limit=201", "limit", "must be a whole number between 1 and 200"],
    ["?limit=0", "limit", "must be a whole number between 1 and 200"],
    // Number() would read these as 16 and 10.
    ["?limit=0x10", "limit", "must be a whole number between 1 and 200"],
    ["?limit=1e1", "limit", "must be a whole number between 1 and 200"],
    ["?type=deploy", "type", "must list deployment, incident, change, gate (got deploy)"],
    ["?before=garbage", "before", "is not a cursor this API returned"],
    // Digits past a Date or a safe integer: once an Invalid Date or a rounded id handed to the database.
    [`?before=${Buffer.from("99999999999999999999:1").toString("base64url")}`, "before", "is not a cursor this API returned"],
    [`?before=${Buffer.from("1700000000000:99999999999999999999").toString("base64url")}`, "before", "is not a cursor this API returned"],
  ])("refuses %s", async (query, field, message) => {
    const { status, body } = await get(query);
    expect(status).toBe(400);
    expect(body.error.fields).toEqual({ [field]: message });
  });
});
