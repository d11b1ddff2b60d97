import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { user } from "@/db/schema";
import { firstRow } from "@/db/raw";
import { processDatabase } from "@/db/test/engine";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { createApiToken } from "@/lib/auth/tokens";
import { setClock } from "@/lib/testing/clock";
import { addMember, addOverride, createTeam, setRotation } from "@/lib/teams/teams";
import { setUserActiveState } from "@/lib/users/users";
import { wallData } from "@/lib/wall/data";
import { nextShiftOf } from "./oncall";
import { wallViewSchema } from "@/lib/wall/schema";
import { GET } from "@/app/api/v1/oncall/route";

const database = processDatabase();
const tokens: Record<string, string> = {};

beforeAll(async () => {
  const db = database.db();
  for (const role of ["ingest", "read"] as const) tokens[role] = (await createApiToken(db, CLI_ACTOR, { name: role, role })).token;
  const now = new Date();
  for (const id of ["ana", "ben"]) await db.transaction((tx) => tx.insert(user).values({ id, name: id.toUpperCase(), email: `${id}@example.com`, role: "engineer", createdAt: now, updatedAt: now }));
  await createTeam(db, CLI_ACTOR, { slug: "payments", name: "Payments" });
  await createTeam(db, CLI_ACTOR, { slug: "idle", name: "Idle" });
  await addMember(db, CLI_ACTOR, { team: "payments", userId: "ana" });
  await addMember(db, CLI_ACTOR, { team: "payments", userId: "ben" });
  // Daily at 09:00 in Berlin from Monday 2026-11-16: ana, ben, ana, ben, ana (Friday the 20th).
  await setRotation(db, CLI_ACTOR, { team: "payments", shiftHours: 24, handoverTime: "09:00", timeZone: "Europe/Berlin", startsOn: "2026-11-16" });
});

const get = (query: string, token = tokens.read!) => GET(new Request(`http://tandem.test/api/v1/oncall${query}`, { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({}) });

describe("GET /api/v1/oncall", () => {
  it("names who is on call now, until the next hand-over, and who is next", async () => {
    setClock("2026-11-20T14:30:00Z");
    const response = await get("?team=payments");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      team: "payments",
      now: { user: { name: "ANA", email: "ana@example.com" }, since: "2026-11-20T08:00:00.000Z", until: "2026-11-21T08:00:00.000Z", override: false },
      next: { user: { name: "BEN", email: "ben@example.com" }, since: "2026-11-21T08:00:00.000Z", until: "2026-11-22T08:00:00.000Z", override: false },
    });
  });

  it("puts an override on top: ben takes Friday night for ana", async () => {
    setClock("2026-11-20T14:30:00Z");
    await addOverride(database.db(), CLI_ACTOR, { team: "payments", userId: "ben", startsAt: new Date("2026-11-20T18:00:00Z"), endsAt: new Date("2026-11-21T06:00:00Z"), reason: "I take Friday night for Ana" });
    expect((await (await get("?team=payments")).json()).next).toEqual({ user: { name: "BEN", email: "ben@example.com" }, since: "2026-11-20T18:00:00.000Z", until: "2026-11-21T06:00:00.000Z", override: true });
    setClock("2026-11-20T20:00:00Z");
    const during = await (await get("?team=payments")).json();
    expect(during.now).toMatchObject({ user: { email: "ben@example.com" }, override: true, until: "2026-11-21T06:00:00.000Z" });
    expect(during.next).toMatchObject({ user: { email: "ana@example.com" }, since: "2026-11-21T06:00:00.000Z", until: "2026-11-21T08:00:00.000Z", override: false });
  });

  it("refuses an overlapping override with a clear error and writes nothing", async () => {
    const count = async () => (await firstRow<{ n: number }>(database.db().read, sql`select count(*) as "n" from "oncall_overrides"`))!.n;
    const before = await count();
    await expect(addOverride(database.db(), CLI_ACTOR, { team: "payments", userId: "ana", startsAt: new Date("2026-11-21T05:00:00Z"), endsAt: new Date("2026-11-21T07:00:00Z"), reason: null })).rejects.toMatchObject({
      code: "bad_request",
      fields: { startsAt: expect.stringContaining("overlaps another one") },
    });
    expect(await count()).toBe(before);
  });

  it("refuses a rotation for a team with no members", async () => {
    await expect(setRotation(database.db(), CLI_ACTOR, { team: "idle", shiftHours: 24, handoverTime: "09:00", timeZone: "UTC", startsOn: "2026-11-16" })).rejects.toMatchObject({
      code: "bad_request",
      message: "A rotation needs at least one member: add people to the team first.",
      fields: undefined,
    });
  });

  it("answers null for a team nobody is on call for", async () => {
    expect(await (await get("?team=idle")).json()).toEqual({ team: "idle", now: null, next: null });
  });

  it("answers 400 naming the team when it is missing or unknown, 401 without a token", async () => {
    for (const [query, problem] of [
      ["", "is required"],
      ["?team=nobody", "there is no team nobody"],
      ["?team=Not%20a%20slug", "must be a slug: lower-case letters, digits and dashes, starting with a letter or digit"],
    ] as const) {
      const response = await get(query);
      expect(response.status).toBe(400);
      const { error } = await response.json();
      expect(error.fields.team).toBe(problem);
      expect(error.message).toContain("team");
    }
    expect((await get("?team=payments", "tdm_wrong")).status).toBe(401);
  });

  it("puts who is on call on a full wall view: names and until, no email (a wall link is public); an incidents-only view carries its incidents alone", async () => {
    const at = new Date("2026-11-20T14:30:00Z");
    const views = [wallViewSchema.parse({ team: "payments" }), wallViewSchema.parse({ panels: "incidents" }), wallViewSchema.parse({ team: "idle" })];
    const data = await wallData(database.db(), views, 30, at);
    if (data.views[0]!.panels !== "all" || data.views[2]!.panels !== "all") throw new Error("full views expected");
    expect(data.views[0]!.onCall).toEqual([{ team: "Payments", name: "ANA", until: "2026-11-20T18:00:00.000Z" }]);
    expect(data.views[1]).not.toHaveProperty("onCall");
    expect(data.views[2]!.onCall).toEqual([{ team: "Idle", name: null, until: null }]);
    expect(JSON.stringify(data)).not.toContain("@example.com");
  });
});

describe("a person's next shift (My work)", () => {
  it("is their current or earliest coming shift across rotations, overrides included; null without one", async () => {
    const db = database.db();
    // On the 20th at 14:30 ana is on call (until ben's override at 18:00), so her shift is the current one.
    expect(await nextShiftOf(db.read, "ana", new Date("2026-11-20T14:30:00Z"))).toEqual({ team: "Payments", startsAt: new Date("2026-11-20T08:00:00Z"), endsAt: new Date("2026-11-20T18:00:00Z") });
    // ben's next is the override that night, not his rotation shift the day after.
    expect(await nextShiftOf(db.read, "ben", new Date("2026-11-20T14:30:00Z"))).toEqual({ team: "Payments", startsAt: new Date("2026-11-20T18:00:00Z"), endsAt: new Date("2026-11-21T06:00:00Z") });
    expect(await nextShiftOf(db.read, "nobody", new Date("2026-11-20T14:30:00Z"))).toBeNull();
  });
});

describe("a deactivated member", () => {
  it("is never named on call: the rotation goes on among the others and their override gives way to it", async () => {
    const db = database.db();
    const now = new Date();
    for (const id of ["cy", "dee", "eve"]) await db.transaction((tx) => tx.insert(user).values({ id, name: id.toUpperCase(), email: `${id}@example.com`, role: "engineer", createdAt: now, updatedAt: now }));
    await createTeam(db, CLI_ACTOR, { slug: "search", name: "Search" });
    for (const id of ["cy", "dee", "eve"]) await addMember(db, CLI_ACTOR, { team: "search", userId: id });
    // Daily at 09:00 UTC from Monday 2026-11-16: cy, dee, eve, cy, dee (Friday the 20th).
    await setRotation(db, CLI_ACTOR, { team: "search", shiftHours: 24, handoverTime: "09:00", timeZone: "UTC", startsOn: "2026-11-16" });
    setClock("2026-11-19T12:00:00Z");
    await addOverride(db, CLI_ACTOR, { team: "search", userId: "dee", startsAt: new Date("2026-11-19T18:00:00Z"), endsAt: new Date("2026-11-19T20:00:00Z"), reason: null });
    setClock("2026-11-20T12:00:00Z");
    expect((await (await get("?team=search")).json()).now.user.email).toBe("dee@example.com");

    await setUserActiveState(db, CLI_ACTOR, { userId: "dee", active: false });
    // Among cy and eve: the 20th is shift 4 of the rotation, cy's; the 19th (shift 3) eve's.
    const body = await (await get("?team=search")).json();
    expect([body.now.user.email, body.next.user.email]).toEqual(["cy@example.com", "eve@example.com"]);
    setClock("2026-11-19T19:00:00Z");
    expect((await (await get("?team=search")).json()).now).toMatchObject({ user: { email: "eve@example.com" }, override: false });
    expect(await nextShiftOf(db.read, "dee", new Date("2026-11-19T12:00:00Z"))).toBeNull();
  });
});

describe("the next shift in a long rotation", () => {
  it("is found however many members take their turn first: the last of 70 hourly members", async () => {
    const db = database.db();
    const now = new Date();
    const ids = Array.from({ length: 70 }, (_, i) => `hourly-${i}`);
    await db.transaction((tx) => tx.insert(user).values(ids.map((id) => ({ id, name: id, email: `${id}@example.com`, role: "engineer" as const, createdAt: now, updatedAt: now }))));
    await createTeam(db, CLI_ACTOR, { slug: "hourly", name: "Hourly" });
    for (const id of ids) await addMember(db, CLI_ACTOR, { team: "hourly", userId: id });
    await setRotation(db, CLI_ACTOR, { team: "hourly", shiftHours: 1, handoverTime: "00:00", timeZone: "UTC", startsOn: "2026-11-20" });
    // At 00:30 on the 20th the first member is on; the last one's turn starts 69 hours later.
    expect(await nextShiftOf(db.read, "hourly-69", new Date("2026-11-20T00:30:00Z"))).toEqual({ team: "Hourly", startsAt: new Date("2026-11-22T21:00:00Z"), endsAt: new Date("2026-11-22T22:00:00Z") });
  });

  it("is an override however far ahead, for someone on no rotation at all", async () => {
    const db = database.db();
    const now = new Date();
    await db.transaction((tx) => tx.insert(user).values({ id: "far", name: "Far", email: "far@example.com", role: "engineer", createdAt: now, updatedAt: now }));
    await createTeam(db, CLI_ACTOR, { slug: "pair", name: "Pair" });
    for (const id of ["pair-a", "pair-b"]) {
      await db.transaction((tx) => tx.insert(user).values({ id, name: id, email: `${id}@example.com`, role: "engineer", createdAt: now, updatedAt: now }));
      await addMember(db, CLI_ACTOR, { team: "pair", userId: id });
    }
    await setRotation(db, CLI_ACTOR, { team: "pair", shiftHours: 12, handoverTime: "08:00", timeZone: "UTC", startsOn: "2026-11-16" });
    setClock("2026-11-20T12:00:00Z");
    await addOverride(db, CLI_ACTOR, { team: "pair", userId: "far", startsAt: new Date("2026-11-30T20:00:00Z"), endsAt: new Date("2026-12-01T08:00:00Z"), reason: "Covering the holiday" });
    expect(await nextShiftOf(db.read, "far", new Date("2026-11-20T12:00:00Z"))).toEqual({ team: "Pair", startsAt: new Date("2026-11-30T20:00:00Z"), endsAt: new Date("2026-12-01T08:00:00Z") });
  });
});
