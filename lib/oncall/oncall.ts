import type { Queryable } from "@/db/database";
import type { OncallRotation, Team } from "@/db/schema";
import { listServicesInScope } from "@/db/queries/services";
import { findPeople, findRotation, findTeamBySlug, listMembers, listOverrides, listRotations, listTeams, type TeamPerson } from "@/db/queries/teams";
import { AppError } from "@/lib/errors";
import { onCallAt, shiftsFrom, type RotationRule, type Shift } from "./rotation";

export type OnCallShift = Omit<Shift, "userId"> & { user: TeamPerson };
export type TeamOnCall = { now: OnCallShift | null; next: OnCallShift | null };

/** The longest override anyone sets: overrides that ended this long before `at` cannot bear on it. */
const LOOKBACK_MS = 60 * 86_400_000;

export function ruleOf(rotation: OncallRotation, members: readonly string[]): RotationRule {
  return { members, shiftHours: rotation.shiftHours, handoverTime: rotation.handoverTime, timeZone: rotation.timeZone, startsOn: rotation.startsOn };
}

/**
 * Who takes shifts: the active members, in rotation order, and the overrides of active people. A person
 * deactivated stays on the team's list until an admin removes them, but is never named on call: the
 * rotation goes on among the others, and their overrides give way to it.
 */
export function onCallCandidates<M extends { id: string; active: boolean }, O extends { user: { active: boolean } }>(members: readonly M[], overrides: readonly O[]) {
  return { members: members.filter((m) => m.active).map((m) => m.id), overrides: overrides.filter((o) => o.user.active) };
}

/** A team's rotation rule (null without one, or without anyone to take a shift) and its overrides that could bear on `at` or later. */
export async function loadTeamSchedule(q: Queryable, team: Team, at: Date) {
  const [rotation, everyone, allOverrides] = await Promise.all([findRotation(q, team.id), listMembers(q, team.id), listOverrides(q, team.id, new Date(at.getTime() - LOOKBACK_MS))]);
  const { members, overrides } = onCallCandidates(everyone, allOverrides);
  return { rule: rotation && members.length ? ruleOf(rotation, members) : null, overrides };
}

/** Who is on call for a team at `at` and who comes next, with their names. */
export async function teamOnCall(q: Queryable, team: Team, at: Date): Promise<TeamOnCall> {
  const { rule, overrides } = await loadTeamSchedule(q, team, at);
  const { now, next } = onCallAt(rule, overrides, at);
  const people = new Map((await findPeople(q, [now?.userId, next?.userId].filter((id): id is string => Boolean(id)))).map((p) => [p.id, p]));
  const named = (shift: Shift | null): OnCallShift | null => {
    const person = shift && people.get(shift.userId);
    if (!shift || !person) return null;
    const { userId: _id, ...rest } = shift;
    return { ...rest, user: person };
  };
  return { now: named(now), next: named(next) };
}

/** The next `count` shifts from `at` (the current one first), with names: the schedule a team page shows. */
export async function upcomingShifts(q: Queryable, team: Team, at: Date, count: number): Promise<OnCallShift[]> {
  const { rule, overrides } = await loadTeamSchedule(q, team, at);
  const shifts = shiftsFrom(rule, overrides, at, count);
  const people = new Map((await findPeople(q, [...new Set(shifts.map((s) => s.userId))])).map((p) => [p.id, p]));
  return shifts.flatMap(({ userId, ...rest }) => {
    const user = people.get(userId);
    return user ? [{ ...rest, user }] : [];
  });
}

/** The on-call person of the team owning a service (null when it has no team, or the team nobody on call). */
export async function onCallForTeamSlug(q: Queryable, slug: string | null, at: Date): Promise<(TeamOnCall & { team: Team }) | null> {
  const team = slug ? await findTeamBySlug(q, slug) : undefined;
  return team ? { team, ...(await teamOnCall(q, team, at)) } : null;
}

const shiftJson = (s: OnCallShift | null) => (s ? { user: { name: s.user.name, email: s.user.email }, since: s.since.toISOString(), until: s.until.toISOString(), override: s.override } : null);

/** GET /api/v1/oncall: an unknown team is a mistake in the request (400), not a missing resource. */
export async function oncallJson(q: Queryable, slug: string, at: Date) {
  const found = await onCallForTeamSlug(q, slug, at);
  if (!found) throw new AppError("bad_request", `team: there is no team "${slug}"`, { team: `there is no team ${slug}` });
  return { team: found.team.slug, now: shiftJson(found.now), next: shiftJson(found.next) };
}

/** The wall shows a line per team at most this long: one per team of its scope. */
const WALL_TEAMS = 6;

/**
 * Who is on call for the teams a wall view covers (its team, the teams of its services, or every team
 * with someone on call). Names only: a wall link is public to whoever holds it.
 */
export async function onCallForWall(q: Queryable, scope: { team?: string; services?: string[] }, at: Date) {
  const teams = await listTeams(q);
  const slugs = scope.team ? [scope.team] : scope.services?.length ? (await listServicesInScope(q, { services: scope.services })).map((s) => s.team) : null;
  const covered = slugs ? teams.filter((t) => slugs.includes(t.slug)) : teams;
  const lines = await Promise.all(
    covered.map(async (team) => {
      const { now } = await teamOnCall(q, team, at);
      return { team: team.name, name: now?.user.name ?? null, until: now?.until.toISOString() ?? null };
    }),
  );
  return (slugs ? lines : lines.filter((l) => l.name)).slice(0, WALL_TEAMS);
}

/**
 * A person's current or next on-call shift across every team's rotation (an override may put them on a
 * team they are not a member of): the earliest, or null when none is scheduled.
 */
export async function nextShiftOf(q: Queryable, userId: string, at: Date): Promise<{ team: string; startsAt: Date; endsAt: Date } | null> {
  let best: { team: string; startsAt: Date; endsAt: Date } | null = null;
  for (const { team } of await listRotations(q)) {
    const { rule, overrides } = await loadTeamSchedule(q, team, at);
    // Two turns of the rotation (an override may take someone's whole turn), each override adding at most two pieces.
    const count = 2 * (rule?.members.length ?? 0) + 2 * overrides.length + 2;
    const turn = shiftsFrom(rule, overrides, at, count).find((s) => s.userId === userId);
    // Their own overrides however far ahead: one may be all that puts them on this team.
    const covering = overrides.find((o) => o.userId === userId && o.endsAt > at);
    const shift = covering && (!turn || covering.startsAt < turn.since) ? { since: covering.startsAt, until: covering.endsAt } : turn;
    if (shift && (!best || shift.since < best.startsAt)) best = { team: team.name, startsAt: shift.since, endsAt: shift.until };
  }
  return best;
}
