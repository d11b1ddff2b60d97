import { and, asc, eq, gt, inArray, isNotNull, isNull, lt, notInArray, or } from "drizzle-orm";
import type { Queryable } from "../database";
import { changeRequests, freezeWindows, services } from "../schema";

/** Which services a calendar shows: a team's, one service, both (their intersection) or every one. */
export type CalendarScope = { team?: string; service?: string };

const inScope = (scope: CalendarScope) =>
  and(scope.team === undefined ? undefined : eq(services.team, scope.team), scope.service === undefined ? undefined : eq(services.slug, scope.service));

/** Changes with a planned window meeting [from, to), of the services in scope, except those whose plan is off. */
export async function listPlannedChanges(q: Queryable, from: Date, to: Date, scope: CalendarScope, offStatuses: readonly string[]) {
  const rows = await q
    .select({
      id: changeRequests.id,
      title: changeRequests.title,
      serviceId: changeRequests.serviceId,
      service: services.slug,
      serviceName: services.name,
      team: services.team,
      type: changeRequests.type,
      status: changeRequests.status,
      start: changeRequests.plannedStart,
      end: changeRequests.plannedEnd,
      updatedAt: changeRequests.updatedAt,
    })
    .from(changeRequests)
    .innerJoin(services, eq(services.id, changeRequests.serviceId))
    .where(
      and(
        isNotNull(changeRequests.plannedStart),
        isNotNull(changeRequests.plannedEnd),
        lt(changeRequests.plannedStart, to),
        gt(changeRequests.plannedEnd, from),
        notInArray(changeRequests.status, offStatuses as never[]),
        inScope(scope),
      ),
    )
    .orderBy(asc(changeRequests.plannedStart), asc(changeRequests.id));
  return rows.map((r) => ({ ...r, start: r.start!, end: r.end! }));
}

/** Freezes meeting [from, to) that cover a service in scope: every freeze of all services, and those of a service in scope. */
export async function listCalendarFreezes(q: Queryable, from: Date, to: Date, scope: CalendarScope) {
  const scoped = scope.team !== undefined || scope.service !== undefined;
  const inScopeIds = q.select({ id: services.id }).from(services).where(inScope(scope));
  return q
    .select({
      id: freezeWindows.id,
      name: freezeWindows.name,
      serviceId: freezeWindows.serviceId,
      serviceName: services.name,
      reason: freezeWindows.reason,
      startsAt: freezeWindows.startsAt,
      endsAt: freezeWindows.endsAt,
      createdAt: freezeWindows.createdAt,
    })
    .from(freezeWindows)
    .leftJoin(services, eq(services.id, freezeWindows.serviceId))
    .where(and(lt(freezeWindows.startsAt, to), gt(freezeWindows.endsAt, from), scoped ? or(isNull(freezeWindows.serviceId), inArray(freezeWindows.serviceId, inScopeIds)) : undefined))
    .orderBy(asc(freezeWindows.startsAt), asc(freezeWindows.id));
}
