import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { user } from "@/db/schema";
import { firstRow } from "@/db/raw";
import { memoryDb } from "@/db/test/temp-db";
import { CLI_ACTOR } from "@/lib/auth/actor";
import type { UserRole } from "@/lib/auth/roles";
import { addMember, addOverride, createTeam } from "./teams";

const { db } = memoryDb();
const AT = new Date("2026-11-20T14:00:00Z");

beforeAll(async () => {
  const people: [string, UserRole, boolean][] = [["ana", "engineer", false], ["vic", "viewer", false], ["gone", "engineer", true]];
  for (const [id, role, banned] of people) await db.transaction((tx) => tx.insert(user).values({ id, name: id, email: `${id}@example.com`, role, banned, createdAt: AT, updatedAt: AT }));
  await createTeam(db, CLI_ACTOR, { slug: "payments", name: "Payments" });
});

const count = async (table: "team_members" | "oncall_overrides") => (await firstRow<{ n: number }>(db.read, sql`select count(*) as "n" from ${sql.identifier(table)}`))!.n;
const cover = (userId: string) => ({ team: "payments", userId, startsAt: new Date("2026-11-20T18:00:00Z"), endsAt: new Date("2026-11-21T06:00:00Z"), reason: null });

describe("who may join a team and cover a shift", () => {
  it("takes any active person, viewers included", async () => {
    expect(await addMember(db, CLI_ACTOR, { team: "payments", userId: "vic" })).toBe("vic");
    expect(await addOverride(db, CLI_ACTOR, cover("ana"))).toBe("ana");
  });

  it.each([
    ["gone", "is a deactivated user"],
    ["nobody", "is not a known person"],
  ])("refuses %s as a member or as cover, naming the field, and writes nothing", async (userId, problem) => {
    const [members, overrides] = [await count("team_members"), await count("oncall_overrides")];
    await expect(addMember(db, CLI_ACTOR, { team: "payments", userId })).rejects.toMatchObject({ code: "bad_request", fields: { userId: problem } });
    await expect(addOverride(db, CLI_ACTOR, cover(userId))).rejects.toMatchObject({ code: "bad_request", fields: { userId: problem } });
    expect([await count("team_members"), await count("oncall_overrides")]).toEqual([members, overrides]);
  });
});
