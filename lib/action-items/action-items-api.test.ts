import { sql, type SQL } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { firstRow } from "@/db/raw";
import { user } from "@/db/schema";
import { processDatabase } from "@/db/test/engine";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { createApiToken } from "@/lib/auth/tokens";
import { recordIncident } from "@/lib/incidents/record";
import { myWork, waitingCount } from "@/lib/me/my-work";
import { setClock } from "@/lib/testing/clock";
import { PATCH } from "@/app/api/v1/action-items/[id]/route";
import { GET, POST } from "@/app/api/v1/incidents/[id]/action-items/route";
import { PUT as putService } from "@/app/api/v1/services/[slug]/route";
import { overdueActionItemsToNotify, teamActionItems } from "./items";

const database = processDatabase();
const tokens = { ingest: "", read: "" };
let incidentId = 0;
let otherTeamIncident = 0;

beforeAll(async () => {
  const db = database.db();
  tokens.ingest = (await createApiToken(db, CLI_ACTOR, { name: "ci", role: "ingest" })).token;
  tokens.read = (await createApiToken(db, CLI_ACTOR, { name: "reader", role: "read" })).token;
  const now = new Date();
  await db.transaction((tx) =>
    tx.insert(user).values([
      { id: "u-ana", name: "Ana Owner", email: "ana@example.com", role: "engineer", createdAt: now, updatedAt: now },
      { id: "u-bo", name: "Bo Approver", email: "bo@example.com", role: "approver", createdAt: now, updatedAt: now },
      { id: "u-vic", name: "Vic Viewer", email: "vic@example.com", role: "viewer", createdAt: now, updatedAt: now },
      { id: "u-gone", name: "Gone", email: "gone@example.com", role: "engineer", banned: true, createdAt: now, updatedAt: now },
    ]),
  );
  for (const [slug, team] of [["checkout", "payments"], ["search", "discovery"]]) {
    await putService(new Request(`http://tandem.test/api/v1/services/${slug}`, { method: "PUT", headers: { authorization: `Bearer ${tokens.ingest}`, "content-type": "application/json" }, body: JSON.stringify({ team }) }), { params: Promise.resolve({ slug: slug! }) });
  }
  const declare = async (service: string) => (await recordIncident(db, CLI_ACTOR, "test", { title: `${service} down`, service, severity: "SEV2", startedAt: new Date("2026-11-19T10:00:00Z") })).incident.id;
  incidentId = await declare("checkout");
  otherTeamIncident = await declare("search");
});

const call = (method: string, path: string, body?: unknown, token = tokens.ingest) =>
  new Request(`http://tandem.test${path}`, { method, headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
const create = (id: number | string, body: unknown, token?: string) => POST(call("POST", `/api/v1/incidents/${id}/action-items`, body, token), { params: Promise.resolve({ id: String(id) }) });
const list = (id: number | string, token = tokens.read) => GET(call("GET", `/api/v1/incidents/${id}/action-items`, undefined, token), { params: Promise.resolve({ id: String(id) }) });
const patch = (id: number | string, body: unknown, token?: string) => PATCH(call("PATCH", `/api/v1/action-items/${id}`, body, token), { params: Promise.resolve({ id: String(id) }) });
const count = async (query: SQL) => (await firstRow<{ n: number }>(database.db().read, query))!.n;
const items = () => count(sql`select count(*) as "n" from "action_items"`);

describe("action items API (issue 17, item 3)", () => {
  it("creates an item on an incident (201), lists it and changes it; overdue follows the due day and the status", async () => {
    // The clock is pinned at 2026-11-20 14:30 UTC: due the 19th is overdue, due the 20th is not yet.
    const response = await create(incidentId, { title: "Alert on p99", owner: "ANA@example.com", dueDate: "2026-11-20", url: "https://wiki.example.com/p99" });
    expect(response.status).toBe(201);
    const item = await response.json();
    expect(item).toMatchObject({ incident: incidentId, service: "checkout", title: "Alert on p99", owner: "ana@example.com", ownerName: "Ana Owner", dueDate: "2026-11-20", status: "open", url: "https://wiki.example.com/p99", overdue: false });

    const late = await (await patch(item.id, { dueDate: "2026-11-19" })).json();
    expect(late).toMatchObject({ dueDate: "2026-11-19", overdue: true });
    const listed = await (await list(incidentId)).json();
    expect(listed.actionItems.map((i: { id: number; overdue: boolean }) => [i.id, i.overdue])).toEqual([[item.id, true]]);

    const done = await patch(item.id, { status: "done", url: null });
    expect(done.status).toBe(200);
    expect(await done.json()).toMatchObject({ status: "done", url: null, overdue: false });
    expect(await count(sql`select count(*) as "n" from "audit_log" where "entity_type" = 'action_item' and "entity_id" = ${String(item.id)}`)).toBe(3);
  });

  it.each([
    [{ title: "x", owner: "nobody@example.com", dueDate: "2026-12-01" }, "owner", "is not the email of a Tandem user"],
    [{ title: "x", owner: "gone@example.com", dueDate: "2026-12-01" }, "owner", "is the email of a deactivated user"],
    [{ title: "x", owner: "vic@example.com", dueDate: "2026-12-01" }, "owner", "is a viewer, who cannot record incidents or action items"],
    [{ title: "x", owner: "ana@example.com", dueDate: "2026-12-01", url: "javascript:alert(1)" }, "url", "must be an http(s) URL"],
    [{ title: "x", owner: "ana@example.com", dueDate: "tomorrow" }, "dueDate", "must be a date written YYYY-MM-DD, e.g. 2026-12-31"],
    [{ title: "", owner: "ana@example.com", dueDate: "2026-12-01" }, "title", "is required"],
  ])("refuses %j with 400 naming %s, writing nothing", async (body, field, message) => {
    const before = await items();
    const response = await create(incidentId, body);
    expect(response.status).toBe(400);
    expect((await response.json()).error.fields[field]).toBe(message);
    expect(await items()).toBe(before);
  });

  it("answers 404 for an unknown incident or item, 400 for a bad id or an empty patch, 403 for the wrong token", async () => {
    const body = { title: "x", owner: "ana@example.com", dueDate: "2026-12-01" };
    const before = await items();
    expect((await create(999999, body)).status).toBe(404);
    expect((await list(999999)).status).toBe(404);
    expect((await create("abc", body)).status).toBe(400);
    expect((await patch(999999, { status: "done" })).status).toBe(404);
    expect((await patch("0", { status: "done" })).status).toBe(400);
    expect((await create(incidentId, body, tokens.read)).status).toBe(403);
    expect((await list(incidentId, tokens.ingest)).status).toBe(403);
    const { id } = await (await create(incidentId, body)).json();
    expect((await (await patch(id, {})).json()).error.message).toBe("send at least one field to change");
    expect((await patch(id, { owner: "vic@example.com" })).status).toBe(400);
    expect(await items()).toBe(before + 1);
  });
});

describe("an item whose owner can no longer be assigned", () => {
  it("keeps its owner through an edit that sends the same owner back, and refuses handing it to another such person", async () => {
    const db = database.db();
    const now = new Date();
    await db.transaction((tx) => tx.insert(user).values({ id: "u-leaver", name: "Lee Leaver", email: "lee@example.com", role: "engineer", createdAt: now, updatedAt: now }));
    const item = await (await create(incidentId, { title: "Hand over the runbook", owner: "lee@example.com", dueDate: "2026-12-01" })).json();
    await db.transaction((tx) => tx.update(user).set({ banned: true }).where(sql`${user.id} = 'u-leaver'`));

    // What the edit form sends: every field, the owner unchanged.
    const kept = await patch(item.id, { title: "Hand over the runbook", owner: "LEE@example.com", dueDate: "2026-12-01", status: "done" });
    expect(kept.status).toBe(200);
    expect(await kept.json()).toMatchObject({ owner: "lee@example.com", ownerName: "Lee Leaver", status: "done" });

    const moved = await patch(item.id, { owner: "gone@example.com" });
    expect(moved.status).toBe(400);
    expect((await moved.json()).error.fields.owner).toBe("is the email of a deactivated user");
    const handedOn = await patch(item.id, { owner: "bo@example.com" });
    expect(await handedOn.json()).toMatchObject({ owner: "bo@example.com" });
  });
});

describe("overdue notices, once a day (issue 17, item 3)", () => {
  it("returns each overdue open item once per UTC day, again the next day, never a closed or not yet overdue one", async () => {
    const db = database.db();
    const make = async (dueDate: string, status = "open") => (await (await create(otherTeamIncident, { title: `due ${dueDate} ${status}`, owner: "bo@example.com", dueDate, status })).json()).id as number;
    const overdue = await make("2026-11-10");
    await make("2026-11-10", "done");
    const dueToday = await make("2026-11-20");
    const notify = () => db.transaction((tx) => overdueActionItemsToNotify(tx, new Date()));
    const ours = (found: { id: number }[]) => found.map((i) => i.id).filter((id) => id === overdue || id === dueToday);

    setClock("2026-11-20T09:00:00Z");
    const first = await notify();
    expect(ours(first)).toEqual([overdue]);
    expect(first.find((i) => i.id === overdue)).toMatchObject({ overdue: true, owner: "bo@example.com", service: "search" });
    setClock("2026-11-20T23:59:00Z");
    expect(ours(await notify())).toEqual([]);
    // A new day: still overdue, told again; the item due yesterday joins it.
    setClock("2026-11-21T00:00:00Z");
    expect(ours(await notify()).sort()).toEqual([overdue, dueToday].sort());
    // Closed since: no more notices.
    await patch(overdue, { status: "done" });
    setClock("2026-11-22T08:00:00Z");
    expect(ours(await notify())).toEqual([dueToday]);
  });

  it("two runs at once tell each item once", async () => {
    const db = database.db();
    const id = (await (await create(otherTeamIncident, { title: "race", owner: "bo@example.com", dueDate: "2026-01-01" })).json()).id as number;
    setClock("2026-11-25T10:00:00Z");
    const runs = await Promise.all([0, 1, 2].map(() => db.transaction((tx) => overdueActionItemsToNotify(tx, new Date()))));
    expect(runs.flat().filter((i) => i.id === id)).toHaveLength(1);
  });

  it("a notice rolled back with its transaction is not remembered", async () => {
    const db = database.db();
    const id = (await (await create(otherTeamIncident, { title: "rolled back", owner: "bo@example.com", dueDate: "2026-01-02" })).json()).id as number;
    setClock("2026-11-26T10:00:00Z");
    await expect(
      db.transaction(async (tx) => {
        expect((await overdueActionItemsToNotify(tx, new Date())).map((i) => i.id)).toContain(id);
        throw new Error("the outbox write failed");
      }),
    ).rejects.toThrow("the outbox write failed");
    expect((await db.transaction((tx) => overdueActionItemsToNotify(tx, new Date()))).map((i) => i.id)).toContain(id);
  });
});

describe("where action items are listed (issue 17, items 3 and 5)", () => {
  it("a team sees the open items of its services' incidents, overdue first", async () => {
    const later = (await (await create(incidentId, { title: "later", owner: "ana@example.com", dueDate: "2026-12-31" })).json()).id;
    const sooner = (await (await create(incidentId, { title: "sooner", owner: "ana@example.com", dueDate: "2026-11-01" })).json()).id;
    const payments = await teamActionItems(database.db().read, "payments");
    const ids = payments.map((i) => i.id);
    expect(ids.indexOf(sooner)).toBeLessThan(ids.indexOf(later));
    expect(payments.every((i) => i.team === "payments" && i.status === "open")).toBe(true);
    expect(payments.map((i) => i.dueOn)).toEqual([...payments.map((i) => i.dueOn)].sort());
    expect((await teamActionItems(database.db().read, "discovery")).every((i) => i.service === "search")).toBe(true);
  });

  it("My work holds the open items a person owns and the open incidents they lead, and counts them", async () => {
    const db = database.db();
    const ana = { id: "u-ana", role: "engineer" as const };
    const before = await waitingCount(db.read, ana);
    const work = await myWork(db.read, ana);
    expect(work.actionItems.every((i) => i.ownerId === "u-ana" && i.status === "open")).toBe(true);
    expect(work.approvals).toEqual([]);
    expect(before).toBe(work.actionItems.length + work.incidents.length);
    await create(incidentId, { title: "one more", owner: "ana@example.com", dueDate: "2026-12-24" });
    expect(await waitingCount(db.read, ana)).toBe(before + 1);
  });
});
