import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { createApiToken } from "@/lib/auth/tokens";
import { tempDir } from "@/db/test/temp-db";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { POST } from "@/app/api/v1/changes/route";

const t = tempDir();
process.env.DATABASE_URL = `file:${t.file}`;
let token = "";
beforeAll(async () => {
  const { db, sqlite } = openDatabase(t.file);
  token = (await createApiToken(db, CLI_ACTOR, { name: "ci", role: "ingest" })).token;
  sqlite.close();
});
afterAll(() => t.cleanup());

const post = (body: unknown) =>
  POST(new Request("http://tandem.test/api/v1/changes", { method: "POST", headers: { authorization: `Bearer ${token}` }, body: JSON.stringify(body) }), { params: Promise.resolve({}) });
const count = () => {
  const db = new Database(t.file, { readonly: true });
  const n = (db.prepare("select count(*) n from change_requests").get() as { n: number }).n;
  db.close();
  return n;
};
const normal = { title: "Rotate certs", service: "edge", type: "normal", risk: "high", plannedStart: "2026-03-10T10:00:00Z", plannedEnd: "2026-03-10T12:00:00Z" };

describe("POST /api/v1/changes", () => {
  it.each([
    [normal, "pending_approval", false],
    [{ title: "Bump deps", service: "edge", type: "standard", risk: "low" }, "approved", false],
    [{ title: "Hotfix", service: "edge", type: "emergency", risk: "high" }, "pending_approval", true],
  ])("files %j as %s", async (body, status, flagged) => {
    const response = await post(body);
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ status, awaitingRetroactiveApproval: flagged, service: "edge" });
  });

  it.each([
    [{ ...normal, plannedStart: undefined }, "plannedStart", "is required for normal changes"],
    [{ ...normal, plannedEnd: "2026-03-10T09:00:00Z" }, "plannedEnd", "must be after plannedStart"],
    [{ ...normal, type: "urgent" }, "type", "must be one of standard, normal, emergency"],
    [{ ...normal, risk: undefined }, "risk", "is required"],
    [{ ...normal, title: undefined }, "title", "is required"],
    [{ ...normal, type: "standard", risk: "high" }, "risk", "must be low for a standard change; file a medium- or high-risk change as a normal change"],
    [{ ...normal, type: "standard", risk: "medium" }, "risk", "must be low for a standard change; file a medium- or high-risk change as a normal change"],
  ])("refuses %j naming %s and writes nothing", async (body, field, message) => {
    const before = count();
    const response = await post(body);
    expect(response.status).toBe(400);
    expect((await response.json()).error.fields[field]).toBe(message);
    expect(count()).toBe(before);
  });
});
