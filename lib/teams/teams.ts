import type { Database, Queryable } from "@/db/database";
import type { Team } from "@/db/schema";
import { recordAudit } from "@/db/queries/audit";
import {
  deleteMember,
  deleteOverrideRow,
  deleteTeamRow,
  findTeamBySlug,
  insertMember,
  insertOverride,
  insertTeam,
  listMembers,
  overlappingOverrides,
  setMemberPosition,
  upsertRotation,
} from "@/db/queries/teams";
import type { Actor } from "@/lib/auth/actor";
import { AppError, notFound } from "@/lib/errors";
import { checkOverride, checkRotation } from "@/lib/oncall/rotation";
import { activePerson } from "@/lib/users/people";
import type { OverrideInput, RotationInput } from "./schema";

export async function requireTeam(q: Queryable, slug: string): Promise<Team> {
  const team = await findTeamBySlug(q, slug);
  if (!team) throw new AppError("not_found", `There is no team ${slug}.`, { team: `no team ${slug}` });
  return team;
}

export async function createTeam(db: Database, actor: Actor, input: { slug: string; name: string }): Promise<Team> {
  return db.transaction(async (tx) => {
    const now = new Date();
    const team = await insertTeam(tx, { slug: input.slug, name: input.name, createdAt: now, updatedAt: now });
    if (!team) throw new AppError("conflict", `The slug ${input.slug} is taken by another team.`, { slug: "is taken by another team" });
    await recordAudit(tx, actor, { action: "team.create", entityType: "team", entityId: team.id, after: team });
    return team;
  });
}

/** A team named by a service that no one created yet: made so the service's team page exists. */
export async function ensureTeam(q: Queryable, slug: string, at: Date): Promise<void> {
  await insertTeam(q, { slug, name: slug.charAt(0).toUpperCase() + slug.slice(1), createdAt: at, updatedAt: at });
}

/** Removes the team, its members, rotation and overrides; its services keep their team slug. */
export async function deleteTeam(db: Database, actor: Actor, slug: string): Promise<Team> {
  return db.transaction(async (tx) => {
    const team = await requireTeam(tx, slug);
    await deleteTeamRow(tx, team.id);
    await recordAudit(tx, actor, { action: "team.delete", entityType: "team", entityId: team.id, before: team });
    return team;
  });
}

export async function addMember(db: Database, actor: Actor, input: { team: string; userId: string }): Promise<string> {
  return db.transaction(async (tx) => {
    const team = await requireTeam(tx, input.team);
    const person = await activePerson(tx, "userId", { id: input.userId });
    if (!(await insertMember(tx, team.id, person.id, new Date()))) {
      throw new AppError("conflict", `${person.name} is a member already.`, { userId: "is a member already" });
    }
    await recordAudit(tx, actor, { action: "team.member.add", entityType: "team", entityId: team.id, after: { userId: person.id } });
    return person.name;
  });
}

export async function removeMember(db: Database, actor: Actor, input: { team: string; userId: string }): Promise<void> {
  await db.transaction(async (tx) => {
    const team = await requireTeam(tx, input.team);
    if (!(await deleteMember(tx, team.id, input.userId))) throw notFound("member");
    await recordAudit(tx, actor, { action: "team.member.remove", entityType: "team", entityId: team.id, before: { userId: input.userId } });
  });
}

/** Swaps a member with the one before or after: the rotation takes members in this order. */
export async function moveMember(db: Database, actor: Actor, input: { team: string; userId: string; direction: "up" | "down" }): Promise<void> {
  await db.transaction(async (tx) => {
    const team = await requireTeam(tx, input.team);
    const members = await listMembers(tx, team.id);
    const i = members.findIndex((m) => m.id === input.userId);
    if (i < 0) throw notFound("member");
    const j = input.direction === "up" ? i - 1 : i + 1;
    if (j < 0 || j >= members.length) return;
    const order = members.map((m) => m.id);
    [order[i], order[j]] = [order[j]!, order[i]!];
    for (const [position, id] of order.entries()) await setMemberPosition(tx, team.id, id, position);
    await recordAudit(tx, actor, { action: "team.member.move", entityType: "team", entityId: team.id, after: { order } });
  });
}

export async function setRotation(db: Database, actor: Actor, input: RotationInput): Promise<void> {
  await db.transaction(async (tx) => {
    const team = await requireTeam(tx, input.team);
    const members = (await listMembers(tx, team.id)).map((m) => m.id);
    const rule = { members, shiftHours: input.shiftHours, handoverTime: input.handoverTime, timeZone: input.timeZone, startsOn: input.startsOn };
    checkRotation(rule);
    await upsertRotation(tx, { teamId: team.id, shiftHours: input.shiftHours, handoverTime: input.handoverTime, timeZone: input.timeZone, startsOn: input.startsOn, updatedAt: new Date() });
    await recordAudit(tx, actor, { action: "team.rotation.set", entityType: "team", entityId: team.id, after: rule });
  });
}

/** One-off cover. Checked and written in one transaction, so two overlapping overrides cannot both get in. */
export async function addOverride(db: Database, actor: Actor, input: OverrideInput): Promise<string> {
  return db.transaction(async (tx) => {
    const team = await requireTeam(tx, input.team);
    const person = await activePerson(tx, "userId", { id: input.userId });
    checkOverride(input, await overlappingOverrides(tx, team.id, input.startsAt, input.endsAt));
    const row = await insertOverride(tx, {
      teamId: team.id,
      userId: person.id,
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      reason: input.reason,
      createdBy: actor.type === "user" ? actor.id : null,
      createdAt: new Date(),
    });
    await recordAudit(tx, actor, { action: "team.override.add", entityType: "team", entityId: team.id, after: row });
    return person.name;
  });
}

export async function removeOverride(db: Database, actor: Actor, input: { team: string; id: number }): Promise<void> {
  await db.transaction(async (tx) => {
    const team = await requireTeam(tx, input.team);
    const row = await deleteOverrideRow(tx, team.id, input.id);
    if (!row) throw notFound("override");
    await recordAudit(tx, actor, { action: "team.override.remove", entityType: "team", entityId: team.id, before: row });
  });
}
