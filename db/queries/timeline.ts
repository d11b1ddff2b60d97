import { and, desc, eq, inArray, lt, lte, ne, or, sql, type SQL } from "drizzle-orm";
import type { Queryable } from "../database";
import { preparedStatements } from "../statements";
import { services, timelineEvents, type EventType, type NewTimelineEvent } from "../schema";

const statements = preparedStatements((prepare) => ({
  insert: prepare(`insert into timeline_events (at, type, action, service_id, environment, summary, subject_id, subject_external_id)
    values (?, ?, ?, ?, ?, ?, ?, ?)`),
}));

export async function insertEvent(q: Queryable, e: NewTimelineEvent): Promise<void> {
  await statements(q).insert.run(e.at.getTime(), e.type, e.action, e.serviceId, e.environment ?? null, e.summary, e.subjectId, e.subjectExternalId ?? null);
}

export type TimelineFilter = { types?: EventType[]; service?: string; team?: string; services?: string[]; environment?: string };
export type TimelineCursor = { at: number; id: number };

export type TimelineRow = {
  id: number;
  at: Date;
  type: EventType;
  action: string;
  service: string;
  team: string | null;
  environment: string | null;
  summary: string;
  subjectId: number;
  subjectExternalId: string | null;
};

function filters(filter: TimelineFilter): SQL[] {
  const where: SQL[] = [];
  if (filter.types?.length) where.push(inArray(timelineEvents.type, filter.types));
  if (filter.service) where.push(eq(services.slug, filter.service));
  if (filter.team) where.push(eq(services.team, filter.team));
  if (filter.services?.length) where.push(inArray(services.slug, filter.services));
  // Only deployments have an environment; the filter narrows them and lets incidents and changes through.
  if (filter.environment) where.push(or(ne(timelineEvents.type, "deployment"), eq(timelineEvents.environment, filter.environment))!);
  return where;
}

/** Newest first, keyed on (at, id): a cursor stays valid however many events arrive meanwhile. */
export async function listEvents(q: Queryable, filter: TimelineFilter, limit: number, before?: TimelineCursor): Promise<TimelineRow[]> {
  const where = filters(filter);
  if (before) {
    // (at, id) < cursor, with `at <=` on its own so that PostgreSQL starts its index scan at the cursor: the
    // OR alone it checks row by row from the newest event, 50,000 rows for the thousandth page.
    const at = new Date(before.at);
    where.push(lte(timelineEvents.at, at), or(lt(timelineEvents.at, at), lt(timelineEvents.id, before.id))!);
  }
  return q
    .select({
      id: timelineEvents.id,
      at: timelineEvents.at,
      type: timelineEvents.type,
      action: timelineEvents.action,
      service: services.slug,
      team: services.team,
      environment: timelineEvents.environment,
      summary: timelineEvents.summary,
      subjectId: timelineEvents.subjectId,
      subjectExternalId: timelineEvents.subjectExternalId,
    })
    .from(timelineEvents)
    .innerJoin(services, eq(services.id, timelineEvents.serviceId))
    .where(and(...where))
    .orderBy(desc(timelineEvents.at), desc(timelineEvents.id))
    .limit(limit);
}

/** Events newer than a known one (by id, since ids only grow): what a live view has not shown yet. */
export async function countEventsAfter(q: Queryable, filter: TimelineFilter, afterId: number): Promise<number> {
  const rows = await q
    .select({ n: sql<number>`count(*)` })
    .from(timelineEvents)
    .innerJoin(services, eq(services.id, timelineEvents.serviceId))
    .where(and(...filters(filter), sql`${timelineEvents.id} > ${afterId}`));
  return rows[0]?.n ?? 0;
}
