import { sql, type SQL } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { firstRow } from "@/db/raw";
import { createApiToken } from "@/lib/auth/tokens";
import { processDatabase } from "@/db/test/engine";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { user } from "@/db/schema";
import { POST } from "@/app/api/v1/incidents/route";
import { PATCH } from "@/app/api/v1/incidents/[id]/route";
import { POST as postDeployment } from "@/app/api/v1/deployments/route";

const database = processDatabase();
let token = "";
let readToken = "";
beforeAll(async () => {
  const db = database.db();
  token = (await createApiToken(db, CLI_ACTOR, { name: "pager", role: "ingest" })).token;
  readToken = (await createApiToken(db, CLI_ACTOR, { name: "reader", role: "read" })).token;
  const now = new Date();
  await db.transaction((tx) =>
    tx.insert(user).values([
      { id: "u-cora", name: "Cora Comms", email: "cora@example.com", role: "engineer", createdAt: now, updatedAt: now },
      { id: "u-gone", name: "Gone", email: "gone@example.com", role: "engineer", banned: true, createdAt: now, updatedAt: now },
      { id: "u-vic", name: "Vic Viewer", email: "vic@example.com", role: "viewer", createdAt: now, updatedAt: now },
    ]),
  );
});

const request = (method: string, path: string, body: unknown, auth = token) =>
  new Request(`http://tandem.test${path}`, { method, headers: { authorization: `Bearer ${auth}`, "content-type": "application/json" }, body: JSON.stringify(body) });
const post = (body: unknown, auth = token) => POST(request("POST", "/api/v1/incidents", body, auth), { params: Promise.resolve({}) });
const patch = (id: number | string, body: unknown) => PATCH(request("PATCH", `/api/v1/incidents/${id}`, body), { params: Promise.resolve({ id: String(id) }) });
const count = async (query: SQL) => (await firstRow<{ n: number }>(database.db().read, query))!.n;
const base = { title: "Checkout down", service: "checkout", severity: "SEV1", startedAt: "2026-03-10T10:00:00Z" };

describe("incidents API", () => {
  it("declares an incident (investigating by default) and links the causing deployment by externalId", async () => {
    await postDeployment(request("POST", "/api/v1/deployments", { service: "checkout", status: "success", finishedAt: "2026-03-10T09:50:00Z", externalId: "deploy-7" }), { params: Promise.resolve({}) });
    const response = await post({ ...base, causedBy: "deploy-7", externalId: "PD-1", acknowledgedAt: "2026-03-10T10:03:00+00:00" });
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body).toMatchObject({ title: "Checkout down", status: "investigating", acknowledgedAt: "2026-03-10T10:03:00.000Z", resolvedAt: null, externalId: "PD-1" });
    expect(typeof body.causedBy).toBe("number");
  });

  it("replays an externalId as an update with 200", async () => {
    const first = await (await post({ ...base, externalId: "PD-2" })).json();
    const replay = await post({ ...base, externalId: "PD-2", status: "resolved", resolvedAt: "2026-03-10T11:00:00Z" });
    expect(replay.status).toBe(200);
    expect(await replay.json()).toMatchObject({ id: first.id, status: "resolved" });
    expect(await count(sql`select count(*) as "n" from "incidents" where "external_id" = 'PD-2'`)).toBe(1);
    const again = await post({ ...base, externalId: "PD-2", title: "Checkout down (EU)" });
    expect(await again.json()).toMatchObject({ id: first.id, status: "resolved", title: "Checkout down (EU)" });
  });

  it.each(["", "  "])("refuses a blank externalId (%j) with 400 naming it, writing nothing", async (externalId) => {
    const before = await count(sql`select count(*) as "n" from "incidents"`);
    for (let i = 0; i < 2; i++) {
      const response = await post({ ...base, externalId });
      expect(response.status).toBe(400);
      expect((await response.json()).error.fields).toEqual({ externalId: "must not be blank" });
    }
    expect(await count(sql`select count(*) as "n" from "incidents"`)).toBe(before);
  });

  it("patches fields, keeps started ≤ acknowledged ≤ resolved after every change, and logs status changes", async () => {
    const { id } = await (await post(base)).json();
    const resolved = await patch(id, { status: "resolved", resolvedAt: "2026-03-10T12:00:00Z" });
    expect(resolved.status).toBe(200);
    expect(await resolved.json()).toMatchObject({ status: "resolved", resolvedAt: "2026-03-10T12:00:00.000Z" });
    const before = await count(sql`select count(*) as "n" from "audit_log" where "entity_type" = 'incident' and "entity_id" = ${String(id)}`);
    const bad = await patch(id, { acknowledgedAt: "2026-03-10T13:00:00Z" });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.fields).toEqual({ resolvedAt: "must not be before acknowledgedAt" });
    expect(await count(sql`select count(*) as "n" from "audit_log" where "entity_type" = 'incident' and "entity_id" = ${String(id)}`)).toBe(before);
    const reopened = await (await patch(id, { status: "investigating" })).json();
    expect(reopened).toMatchObject({ status: "investigating", resolvedAt: null });
    // The creation is "declared"; the resolution and the reopening are status moves.
    expect(await count(sql`select count(*) as "n" from "incident_updates" where "incident_id" = ${id} and "kind" = 'declared'`)).toBe(1);
    expect(await count(sql`select count(*) as "n" from "incident_updates" where "incident_id" = ${id} and "kind" = 'status'`)).toBe(2);
  });

  it("sets the communications role when declaring and changes it by PATCH, logging each change (issue 17, item 3)", async () => {
    const created = await post({ ...base, communications: " Cora@Example.com " });
    expect(created.status).toBe(201);
    const { id, communications } = await created.json();
    expect(communications).toBe("cora@example.com");
    const cleared = await patch(id, { communications: null });
    expect(await cleared.json()).toMatchObject({ communications: null });
    expect(await count(sql`select count(*) as "n" from "incident_updates" where "incident_id" = ${id} and "kind" = 'communications'`)).toBe(2);
    expect(await count(sql`select count(*) as "n" from "timeline_events" where "subject_id" = ${id} and "action" = 'communications changed'`)).toBe(2);
    const refused = await patch(id, { communications: "gone@example.com" });
    expect(refused.status).toBe(400);
    expect((await refused.json()).error.fields).toEqual({ communications: "is the email of a deactivated user" });
    expect((await (await patch(id, { communications: "vic@example.com" })).json()).error.fields).toEqual({ communications: "is a viewer, who cannot record incidents or action items" });
    expect(await count(sql`select count(*) as "n" from "incident_updates" where "incident_id" = ${id} and "kind" = 'communications'`)).toBe(2);
  });

  it.each([
    [{ ...base, communications: "nobody@example.com" }, "communications", "is not the email of a Tandem user"],
    [{ ...base, communications: "not an email" }, "communications", "must be an email address"],
    [{ ...base, title: "" }, "title", "is required"],
    [{ ...base, title: "x".repeat(201) }, "title", "must be at most 200 characters"],
    [{ ...base, severity: "P1" }, "severity", "must be one of SEV1, SEV2, SEV3, SEV4"],
    [{ ...base, startedAt: undefined }, "startedAt", "must be an ISO-8601 timestamp with an offset, e.g. 2026-01-31T09:00:00Z"],
    [{ ...base, status: "resolved" }, "resolvedAt", "is required when status is resolved"],
    [{ ...base, acknowledgedAt: "2026-03-10T09:00:00Z" }, "acknowledgedAt", "must not be before startedAt"],
    [{ ...base, causedBy: 424242 }, "causedBy", "no deployment has id 424242"],
  ])("refuses %j naming %s, writing nothing", async (body, field, message) => {
    const before = await count(sql`select count(*) as "n" from "incidents"`);
    const response = await post(body);
    expect(response.status).toBe(400);
    expect((await response.json()).error.fields[field]).toBe(message);
    expect(await count(sql`select count(*) as "n" from "incidents"`)).toBe(before);
  });

  it("moves an incident to another service, noting it in its updates and on the timeline; the same service is no change", async () => {
    const { id } = await (await post({ ...base, title: "Filed under the wrong service", externalId: "PD-MOVE" })).json();
    const moved = await patch(id, { service: "payments", title: "Payments down" });
    expect(moved.status).toBe(200);
    expect(await moved.json()).toMatchObject({ service: "payments", title: "Payments down" });
    const updates = sql`select count(*) as "n" from "incident_updates" where "incident_id" = ${id} and "kind" = 'service' and "body" = 'checkout → payments'`;
    expect(await count(updates)).toBe(1);
    expect(await count(sql`select count(*) as "n" from "timeline_events" where "subject_id" = ${id} and "type" = 'incident' and "action" = 'service changed'`)).toBe(1);
    expect((await patch(id, { service: "payments" })).status).toBe(200);
    expect(await count(updates)).toBe(1);
    const refused = await patch(id, { service: "Not A Slug" });
    expect(refused.status).toBe(400);
    expect(Object.keys((await refused.json()).error.fields)).toEqual(["service"]);
    // The tool that filed it goes on naming its first service: the person's move stands, and the update applies.
    const replay = await post({ ...base, externalId: "PD-MOVE", status: "resolved", resolvedAt: "2026-03-10T11:00:00Z" });
    expect(replay.status).toBe(200);
    expect(await replay.json()).toMatchObject({ id, service: "payments", status: "resolved" });
    // An incident nobody moved still refuses another service under its externalId.
    await post({ ...base, externalId: "PD-STAY" });
    expect((await post({ ...base, service: "payments", externalId: "PD-STAY" })).status).toBe(409);
  });

  it("answers 404 for an unknown incident, 400 for a bad id or an empty patch, 403 for a read token", async () => {
    expect((await patch(999999, { title: "x" })).status).toBe(404);
    expect((await patch("abc", { title: "x" })).status).toBe(400);
    const { id } = await (await post(base)).json();
    // Number() reads these as the incident just created, which a bad id must never reach.
    for (const spelled of [`0x${id.toString(16)}`, `${id}.0`, ` ${id}`]) {
      const refused = await patch(spelled, { title: "renamed" });
      expect(refused.status).toBe(400);
      expect((await refused.json()).error.fields.id).toBe("must be an incident id");
    }
    expect((await (await patch(id, { title: "x" })).json()).title).toBe("x");
    expect((await (await patch(id, {})).json()).error.message).toBe("send at least one field to change");
    expect((await post(base, readToken)).status).toBe(403);
  });

  // Issue 15: "\ud800" was stored as invalid UTF-8 and NUL bytes reached the CSV export.
  it.each([
    ["title", "Checkout \\ud800 down", "title: must not contain an unpaired surrogate (it is not valid Unicode)"],
    ["summary", "a\\u0000b", "summary: must not contain a NUL character"],
  ])("refuses a %s with an escaped bad character: 400 naming it, nothing stored", async (field, escaped, message) => {
    const before = await count(sql`select count(*) as "n" from "incidents"`);
    const body = JSON.stringify({ ...base, [field]: "PLACEHOLDER" }).replace("PLACEHOLDER", escaped);
    const response = await POST(new Request("http://tandem.test/api/v1/incidents", { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body }), { params: Promise.resolve({}) });
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatchObject({ message, fields: { [field]: message.slice(field.length + 2) } });
    expect(await count(sql`select count(*) as "n" from "incidents"`)).toBe(before);
  });
});

