import { and, asc, count, desc, eq, gt, gte, inArray, isNull, lt, max, or, sql } from "drizzle-orm";
import type { Queryable } from "../database";
import { freezeWindows, handoffs, oncallOverrides, timelineEvents, oncallRotations, services, teamMembers, teams, user, type Handoff, type OncallOverride, type OncallRotation, type Team } from "../schema";

export type TeamSummary = Team & { services: number; members: number };
export type TeamPerson = { id: string; name: string; email: string };
export type OverrideRow = OncallOverride & { user: TeamPerson & { active: boolean } };

export async function listTeams(q: Queryable): Promise<TeamSummary[]> {
  const serviceCounts = q.select({ team: services.team, n: count().as("service_count") }).from(services).groupBy(services.team).as("service_counts");
  const memberCounts = q.select({ teamId: teamMembers.teamId, n: count().as("member_count") }).from(teamMembers).groupBy(teamMembers.teamId).as("member_counts");
  const rows = await q
    .select({ team: teams, services: sql<number>`coalesce(${serviceCounts.n}, 0)`, members: sql<number>`coalesce(${memberCounts.n}, 0)` })
    .from(teams)
    .leftJoin(serviceCounts, eq(serviceCounts.team, teams.slug))
    .leftJoin(memberCounts, eq(memberCounts.teamId, teams.id))
    .orderBy(asc(teams.name));
  return rows.map((r) => ({ ...r.team, services: Number(r.services), members: Number(r.members) }));
}

export async function findTeamBySlug(q: Queryable, slug: string): Promise<Team | undefined> {
  return (await q.select().from(teams).where(eq(teams.slug, slug)).limit(1))[0];
}

export async function insertTeam(q: Queryable, values: typeof teams.$inferInsert): Promise<Team | undefined> {
  return (await q.insert(teams).values(values).onConflictDoNothing({ target: teams.slug }).returning())[0];
}

export async function deleteTeamRow(q: Queryable, id: number): Promise<void> {
  await q.delete(teams).where(eq(teams.id, id));
}

/** A team's members in rotation order; `active` is false for a deactivated person, who is still listed (to be removed). */
export async function listMembers(q: Queryable, teamId: number): Promise<(TeamPerson & { position: number; active: boolean })[]> {
  const rows = await q
    .select({ id: user.id, name: user.name, email: user.email, position: teamMembers.position, banned: user.banned })
    .from(teamMembers)
    .innerJoin(user, eq(user.id, teamMembers.userId))
    .where(eq(teamMembers.teamId, teamId))
    .orderBy(asc(teamMembers.position), asc(user.name));
  return rows.map(({ banned, ...member }) => ({ ...member, active: !banned }));
}

export async function insertMember(q: Queryable, teamId: number, userId: string, at: Date): Promise<boolean> {
  const [last] = await q.select({ position: max(teamMembers.position) }).from(teamMembers).where(eq(teamMembers.teamId, teamId));
  const inserted = await q
    .insert(teamMembers)
    .values({ teamId, userId, position: (last?.position ?? -1) + 1, createdAt: at })
    .onConflictDoNothing()
    .returning();
  return inserted.length > 0;
}

export async function deleteMember(q: Queryable, teamId: number, userId: string): Promise<boolean> {
  return (await q.delete(teamMembers).where(and(eq(teamMembers.teamId, teamId), eq(teamMembers.userId, userId))).returning()).length > 0;
}

export async function setMemberPosition(q: Queryable, teamId: number, userId: string, position: number): Promise<void> {
  await q.update(teamMembers).set({ position }).where(and(eq(teamMembers.teamId, teamId), eq(teamMembers.userId, userId)));
}

export async function findRotation(q: Queryable, teamId: number): Promise<OncallRotation | undefined> {
  return (await q.select().from(oncallRotations).where(eq(oncallRotations.teamId, teamId)).limit(1))[0];
}

export async function upsertRotation(q: Queryable, values: Omit<typeof oncallRotations.$inferInsert, "id">): Promise<void> {
  const { teamId: _team, ...changes } = values;
  await q.insert(oncallRotations).values(values).onConflictDoUpdate({ target: oncallRotations.teamId, set: changes });
}

/** Every team that has a rotation, with it. */
export async function listRotations(q: Queryable): Promise<{ team: Team; rotation: OncallRotation }[]> {
  return q.select({ team: teams, rotation: oncallRotations }).from(oncallRotations).innerJoin(teams, eq(teams.id, oncallRotations.teamId)).orderBy(asc(teams.id));
}

/** A team's overrides that end after `after`, earliest first. */
export async function listOverrides(q: Queryable, teamId: number, after: Date): Promise<OverrideRow[]> {
  const rows = await q
    .select({ override: oncallOverrides, user: { id: user.id, name: user.name, email: user.email, banned: user.banned } })
    .from(oncallOverrides)
    .innerJoin(user, eq(user.id, oncallOverrides.userId))
    .where(and(eq(oncallOverrides.teamId, teamId), gt(oncallOverrides.endsAt, after)))
    .orderBy(asc(oncallOverrides.startsAt));
  return rows.map(({ override, user: { banned, ...person } }) => ({ ...override, user: { ...person, active: !banned } }));
}

/** Overrides of a team that overlap [from, to). */
export async function overlappingOverrides(q: Queryable, teamId: number, from: Date, to: Date): Promise<OncallOverride[]> {
  return q
    .select()
    .from(oncallOverrides)
    .where(and(eq(oncallOverrides.teamId, teamId), lt(oncallOverrides.startsAt, to), gt(oncallOverrides.endsAt, from)));
}

export async function insertOverride(q: Queryable, values: Omit<typeof oncallOverrides.$inferInsert, "id">): Promise<OncallOverride> {
  return (await q.insert(oncallOverrides).values(values).returning())[0]!;
}

export async function deleteOverrideRow(q: Queryable, teamId: number, id: number): Promise<OncallOverride | undefined> {
  return (await q.delete(oncallOverrides).where(and(eq(oncallOverrides.id, id), eq(oncallOverrides.teamId, teamId))).returning())[0];
}

export async function findPeople(q: Queryable, ids: string[]): Promise<TeamPerson[]> {
  if (!ids.length) return [];
  return q.select({ id: user.id, name: user.name, email: user.email }).from(user).where(inArray(user.id, ids));
}

/** Stores a hand-off unless one for this team and hand-over exists already: true when this call stored it. */
export async function insertHandoff(q: Queryable, values: Omit<typeof handoffs.$inferInsert, "id">): Promise<Handoff | undefined> {
  return (await q.insert(handoffs).values(values).onConflictDoNothing({ target: [handoffs.teamId, handoffs.handoverAt] }).returning())[0];
}

export async function findHandoff(q: Queryable, teamId: number, handoverAt: Date): Promise<Handoff | undefined> {
  return (await q.select().from(handoffs).where(and(eq(handoffs.teamId, teamId), eq(handoffs.handoverAt, handoverAt))).limit(1))[0];
}

export async function latestHandoff(q: Queryable, teamId: number): Promise<Handoff | undefined> {
  return (await q.select().from(handoffs).where(eq(handoffs.teamId, teamId)).orderBy(desc(handoffs.handoverAt)).limit(1))[0];
}

/** Timeline events of a team's services in [from, to), oldest first, at most `limit`. */
export async function teamEventsBetween(q: Queryable, team: string, from: Date, to: Date, limit: number) {
  return q
    .select({ at: timelineEvents.at, type: timelineEvents.type, action: timelineEvents.action, service: services.slug, summary: timelineEvents.summary, subjectId: timelineEvents.subjectId })
    .from(timelineEvents)
    .innerJoin(services, eq(services.id, timelineEvents.serviceId))
    .where(and(eq(services.team, team), gte(timelineEvents.at, from), lt(timelineEvents.at, to)))
    .orderBy(asc(timelineEvents.at), asc(timelineEvents.id))
    .limit(limit);
}

/** Freezes in force at some moment of [from, to) that cover the team's services (or every service). */
export async function teamFreezesBetween(q: Queryable, team: string, from: Date, to: Date) {
  return q
    .select({ id: freezeWindows.id, name: freezeWindows.name, service: services.slug, startsAt: freezeWindows.startsAt, endsAt: freezeWindows.endsAt })
    .from(freezeWindows)
    .leftJoin(services, eq(services.id, freezeWindows.serviceId))
    .where(and(lt(freezeWindows.startsAt, to), gt(freezeWindows.endsAt, from), or(isNull(freezeWindows.serviceId), eq(services.team, team))))
    .orderBy(asc(freezeWindows.startsAt));
}
