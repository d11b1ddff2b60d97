import type { Database } from "@/db/database";
import type { Handoff, Team } from "@/db/schema";
import { listChanges, listIncidents } from "@/db/queries/lists";
import { findHandoff, insertHandoff, listMembers, listOverrides, listRotations, teamEventsBetween, teamFreezesBetween } from "@/db/queries/teams";
import { findUserById } from "@/db/queries/users";
import { emailPeople, emitEvent } from "@/lib/notifications/emit";
import { buildHandoffSummary, type HandoffSummary } from "./handoff";
import { handoffNotification, onCallNextNotification } from "./handoff-notification";
import { onCallCandidates, ruleOf } from "./oncall";
import { handoverAt, onCallAt, shiftIndexAt } from "./rotation";

/** A hand-over that happened and has no summary yet. */
export type DueHandoff = { team: Team; shiftStart: Date; handoverAt: Date; nextHandoverAt: Date; outgoingUserId: string | null; incomingUserId: string | null; nextUserId: string | null };

/** More than a shift's worth of events is cut here: a summary is read by a person. */
const MAX_EVENTS = 500;
const OVERRIDE_LOOKBACK_MS = 60 * 86_400_000;

/**
 * For each team with a rotation, its latest hand-over at or before `now` when no summary of it is stored.
 * Only the latest: a server that was down over several hand-overs does not send a pile of old summaries.
 */
export async function handoffsDue(db: Database, now: Date): Promise<DueHandoff[]> {
  const due: DueHandoff[] = [];
  for (const { team, rotation } of await listRotations(db.read)) {
    const { members, overrides } = onCallCandidates(await listMembers(db.read, team.id), await listOverrides(db.read, team.id, new Date(now.getTime() - OVERRIDE_LOOKBACK_MS)));
    if (!members.length) continue;
    const rule = ruleOf(rotation, members);
    const k = shiftIndexAt(rule, now);
    if (k < 1) continue;
    const at = handoverAt(rule, k);
    if (await findHandoff(db.read, team.id, at)) continue;
    due.push({
      team,
      shiftStart: handoverAt(rule, k - 1),
      handoverAt: at,
      nextHandoverAt: handoverAt(rule, k + 1),
      outgoingUserId: onCallAt(rule, overrides, new Date(at.getTime() - 1)).now?.userId ?? null,
      incomingUserId: onCallAt(rule, overrides, at).now?.userId ?? null,
      nextUserId: onCallAt(rule, overrides, handoverAt(rule, k + 1)).now?.userId ?? null,
    });
  }
  return due;
}

/** The summary of a due hand-over's shift, from the timeline and the state now. */
export async function summarizeHandoff(db: Database, due: DueHandoff): Promise<HandoffSummary> {
  const slug = due.team.slug;
  const [events, openIncidents, waitingChanges, freezesAhead] = await Promise.all([
    teamEventsBetween(db.read, slug, due.shiftStart, due.handoverAt, MAX_EVENTS),
    listIncidents(db.read, 100, { team: slug, openOnly: true }),
    listChanges(db.read, 100, { team: slug, awaitingApproval: true }),
    teamFreezesBetween(db.read, slug, due.handoverAt, due.nextHandoverAt),
  ]);
  return buildHandoffSummary({ since: due.shiftStart, until: due.handoverAt, events, openIncidents, waitingChanges, freezesAhead });
}

/**
 * Stores a hand-over's summary once: the unique (team, hand-over) key lets any number of servers try, and
 * only the one whose insert lands writes the `oncall.handoff` message to the team's channels and the
 * "you are on call next" e-mail, in the same transaction.
 */
export async function recordHandoff(db: Database, due: DueHandoff, now: Date): Promise<Handoff | undefined> {
  const summary = await summarizeHandoff(db, due);
  return db.transaction(async (tx) => {
    const row = await insertHandoff(tx, {
      teamId: due.team.id,
      handoverAt: due.handoverAt,
      shiftStart: due.shiftStart,
      outgoingUserId: due.outgoingUserId,
      incomingUserId: due.incomingUserId,
      summary,
      createdAt: now,
    });
    if (!row) return undefined;
    const person = async (id: string | null) => (id ? await findUserById(tx, id) : undefined);
    const [outgoing, incoming, next] = [await person(due.outgoingUserId), await person(due.incomingUserId), await person(due.nextUserId)];
    await emitEvent(tx, handoffNotification(due.team, row, { outgoing, incoming }));
    if (next) await emailPeople(tx, onCallNextNotification(due.team, due.nextHandoverAt, next), [next.email]);
    return row;
  });
}

/** One pass of the hand-over job: every due summary stored; returns those this call stored. */
export async function runHandoffs(db: Database, now: Date): Promise<Handoff[]> {
  const stored: Handoff[] = [];
  for (const due of await handoffsDue(db, now)) {
    const row = await recordHandoff(db, due, now);
    if (row) stored.push(row);
  }
  return stored;
}
