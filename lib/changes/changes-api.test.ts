import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { createApiToken } from "@/lib/auth/tokens";
import { tempDir } from "@/db/test/temp-db";
import { CLI_ACTOR, type UserActor } from "@/lib/auth/actor";
import { user } from "@/db/schema";
import { insertTemplate } from "@/db/queries/changes";
import { POST } from "@/app/api/v1/changes/route";
import { decideChange } from "./decide";

const t = tempDir();
process.env.DATABASE_URL = `file:${t.file}`;
let token = "";
let approversToken = "";
const people: Record<"ann" | "eve" | "dee", UserActor> = {
  ann: { type: "user", id: "ann", label: "Ann", role: "approver" },
  eve: { type: "user", id: "eve", label: "Eve", role: "approver" },
  dee: { type: "user", id: "dee", label: "Dee", role: "approver" },
};
beforeAll(async () => {
  const { db, sqlite } = openDatabase(t.file);
  const now = new Date();
  for (const p of Object.values(people)) {
    await db.transaction((tx) => tx.insert(user).values({ id: p.id, name: p.label, email: `${p.id}@example.com`, role: p.role, banned: p.id === "dee", createdAt: now, updatedAt: now }));
  }
  token = (await createApiToken(db, CLI_ACTOR, { name: "ci", role: "ingest" })).token;
  approversToken = (await createApiToken(db, people.ann, { name: "ann's pipeline", role: "ingest" })).token;
  await db.transaction((tx) => insertTemplate(tx, { title: "Dependency bump", serviceId: null, team: null, maxRisk: "medium", createdAt: now }));
  sqlite.close();
});
afterAll(() => t.cleanup());

const post = (body: unknown, bearer = token) =>
  POST(new Request("http://tandem.test/api/v1/changes", { method: "POST", headers: { authorization: `Bearer ${bearer}` }, body: JSON.stringify(body) }), { params: Promise.resolve({}) });
const requesterOf = (id: number) => {
  const db = new Database(t.file, { readonly: true });
  const row = db.prepare("select requester_id from change_requests where id = ?").get(id) as { requester_id: string | null };
  db.close();
  return row.requester_id;
};
const decide = async (approver: UserActor, id: number) => {
  const { db, sqlite } = openDatabase(t.file);
  try {
    return (await decideChange(db, approver, id, "approved", "looks fine")).change.status;
  } finally {
    sqlite.close();
  }
};
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
    [{ title: "Bump deps", service: "edge", type: "standard", risk: "low", template: "Dependency bump" }, "approved", false],
    [{ title: "Bump deps", service: "edge", type: "standard", risk: "medium", template: 1 }, "approved", false],
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
    [{ ...normal, type: "standard" }, "template", "is required for a standard change: name a template of the standard change catalog, or file a normal change"],
    [{ ...normal, template: "Dependency bump" }, "template", "is only for standard changes"],
    [{ ...normal, type: "standard", template: "Dependency bump" }, "risk", 'The standard change "Dependency bump" carries at most medium risk, not high; file a normal change instead.'],
    [{ ...normal, type: "standard", template: "Nothing like it" }, "template", "is not a template of the standard change catalog"],
    [{ ...normal, type: "standard", template: 99 }, "template", "is not a template of the standard change catalog"],
    [{ ...normal, type: "standard", template: true }, "template", "must be a template's id (number) or title (string)"],
    [{ ...normal, requester: "nobody@example.com" }, "requester", "is not the email of a Tandem user"],
    [{ ...normal, requester: "dee@example.com" }, "requester", "is the email of a deactivated user"],
    [{ ...normal, requester: "ann" }, "requester", "must be an email address"],
  ])("refuses %j naming %s and writes nothing", async (body, field, message) => {
    const before = count();
    const response = await post(body);
    expect(response.status).toBe(400);
    expect((await response.json()).error.fields[field]).toBe(message);
    expect(count()).toBe(before);
  });

  it("files for the requester it names, who then cannot approve it", async () => {
    const response = await post({ ...normal, risk: "low", requester: "Ann@Example.com" });
    expect(response.status).toBe(201);
    const { id } = await response.json();
    expect(requesterOf(id)).toBe("ann");
    await expect(decide(people.ann, id)).rejects.toThrow("You cannot decide your own change request; another approver must.");
    expect(await decide(people.eve, id)).toBe("approved");
  });

  it("without a requester, makes the token's creator the requester: an approver cannot approve what their token filed", async () => {
    const { id } = await (await post({ ...normal, risk: "low" }, approversToken)).json();
    expect(requesterOf(id)).toBe("ann");
    await expect(decide(people.ann, id)).rejects.toThrow("You cannot decide your own change request; another approver must.");
    const { id: viaCli } = await (await post({ ...normal, risk: "low" })).json();
    expect(requesterOf(viaCli)).toBeNull();
  });
});
