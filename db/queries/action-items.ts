import { and, asc, count, desc, eq, inArray, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import type { Queryable } from "../database";
import { actionItems, incidents, services, user, type ActionItem, type NewActionItem } from "../schema";

export async function insertActionItem(q: Queryable, values: NewActionItem): Promise<ActionItem> {
  return (await q.insert(actionItems).values(values).returning())[0]!;
}

export async function updateActionItem(q: Queryable, id: number, values: Partial<NewActionItem>): Promise<ActionItem> {
  return (await q.update(actionItems).set(values).where(eq(actionItems.id, id)).returning())[0]!;
}

export async function findActionItemById(q: Queryable, id: number): Promise<ActionItem | undefined> {
  return (await q.select().from(actionItems).where(eq(actionItems.id, id)).limit(1))[0];
}

/** Which items a list shows: one incident's, one owner's, one team's (its services' incidents), open ones only. */
export type ActionItemFilter = { incidentId?: number; ownerId?: string; team?: string; services?: string[]; openOnly?: boolean; ids?: number[] };

function filterOf(filter: ActionItemFilter): SQL | undefined {
  return and(
    filter.incidentId === undefined ? undefined : eq(actionItems.incidentId, filter.incidentId),
    filter.ownerId === undefined ? undefined : eq(actionItems.ownerId, filter.ownerId),
    filter.team === undefined ? undefined : eq(services.team, filter.team),
    filter.services?.length ? inArray(services.slug, filter.services) : undefined,
    filter.openOnly ? eq(actionItems.status, "open") : undefined,
    filter.ids ? inArray(actionItems.id, filter.ids) : undefined,
  );
}

/**
 * Open items first, earliest due first (so the overdue lead), then the closed ones most recently changed
 * first. Each row carries what a list shows beside it: its incident, service and owner.
 */
export async function listActionItems(q: Queryable, filter: ActionItemFilter, limit = 500) {
  return q
    .select({
      id: actionItems.id,
      incidentId: actionItems.incidentId,
      incidentTitle: incidents.title,
      service: services.slug,
      team: services.team,
      title: actionItems.title,
      ownerId: actionItems.ownerId,
      ownerName: user.name,
      ownerEmail: user.email,
      dueOn: actionItems.dueOn,
      status: actionItems.status,
      url: actionItems.url,
      createdAt: actionItems.createdAt,
      updatedAt: actionItems.updatedAt,
    })
    .from(actionItems)
    .innerJoin(incidents, eq(incidents.id, actionItems.incidentId))
    .innerJoin(services, eq(services.id, incidents.serviceId))
    .innerJoin(user, eq(user.id, actionItems.ownerId))
    .where(filterOf(filter))
    .orderBy(sql`${actionItems.status} <> 'open'`, sql`case when ${actionItems.status} = 'open' then ${actionItems.dueOn} else '' end`, desc(actionItems.updatedAt), asc(actionItems.id))
    .limit(limit);
}
export type ActionItemRow = Awaited<ReturnType<typeof listActionItems>>[number];

/** Open items due before `day` (a "YYYY-MM-DD" UTC day) within a team and/or services: the overdue ones. */
export async function countOpenDueBefore(q: Queryable, day: string, scope: { team?: string; services?: string[] } = {}): Promise<number> {
  const rows = await q
    .select({ n: count() })
    .from(actionItems)
    .innerJoin(incidents, eq(incidents.id, actionItems.incidentId))
    .innerJoin(services, eq(services.id, incidents.serviceId))
    .where(and(eq(actionItems.status, "open"), lt(actionItems.dueOn, day), filterOf(scope)));
  return rows[0]?.n ?? 0;
}

/** Open items of this owner: what waits for them. */
export async function countOpenOwnedBy(q: Queryable, ownerId: string): Promise<number> {
  return (await q.select({ n: count() }).from(actionItems).where(and(eq(actionItems.ownerId, ownerId), eq(actionItems.status, "open"))))[0]?.n ?? 0;
}

/**
 * Marks as told `today` the open items due before `dueBefore` not yet told that day, and returns their ids.
 * One statement, so two servers running it at once tell each item once: the second finds them marked.
 */
export async function markOverdueNotified(q: Queryable, dueBefore: string, today: string): Promise<number[]> {
  const rows = await q
    .update(actionItems)
    .set({ overdueNotifiedOn: today })
    .where(and(eq(actionItems.status, "open"), lt(actionItems.dueOn, dueBefore), or(isNull(actionItems.overdueNotifiedOn), lt(actionItems.overdueNotifiedOn, today))))
    .returning({ id: actionItems.id });
  return rows.map((r) => r.id);
}
