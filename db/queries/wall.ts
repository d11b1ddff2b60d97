import { desc, eq, sql, type SQL } from "drizzle-orm";
import type { Queryable } from "../database";
import { wallLinks, type WallLink } from "../schema";
import { allRows, firstRow } from "../raw";

export async function insertWallLink(q: Queryable, values: typeof wallLinks.$inferInsert): Promise<WallLink> {
  return (await q.insert(wallLinks).values(values).returning())[0]!;
}

export async function findWallLinkByHash(q: Queryable, tokenHash: string): Promise<WallLink | undefined> {
  return (await q.select().from(wallLinks).where(eq(wallLinks.tokenHash, tokenHash)).limit(1))[0];
}

export async function listWallLinks(q: Queryable): Promise<WallLink[]> {
  return q.select().from(wallLinks).orderBy(desc(wallLinks.createdAt));
}

export async function revokeWallLinkRow(q: Queryable, id: number): Promise<WallLink | undefined> {
  return (await q.update(wallLinks).set({ revokedAt: new Date() }).where(eq(wallLinks.id, id)).returning())[0];
}

/** Which services a wall view covers: a team, a set of services, both (their intersection) or neither (all). */
export type WallScope = { team?: string; services?: string[] };

/** Production deployments per service since `since` (today, on the wall): how many succeeded and failed. */
export async function deploymentsSince(q: Queryable, since: Date, scope: WallScope): Promise<{ service: string; succeeded: number; failed: number }[]> {
  return allRows<{ service: string; succeeded: number; failed: number }>(q, sql`select s.slug as service,
      count(*) filter (where d.status = 'success') as succeeded, count(*) filter (where d.status = 'failure') as failed
    from deployments d join services s on s.id = d.service_id
    where d.environment = 'production' and d.finished_at >= ${since.getTime()} and d.status in ('success', 'failure')
      ${scope.team ? sql`and s.team = ${scope.team}` : sql``}
      ${scope.services?.length ? sql`and s.slug in (${sql.join(scope.services.map((slug) => sql`${slug}`), sql`, `)})` : sql``}
    group by s.slug order by s.slug`);
}

/**
 * The next freeze a view shows: the earliest not yet over that covers its scope, one for every service
 * (no service) or one of a service in it. Another team's freeze is not this wall's business.
 */
export async function nextFreezeIn(q: Queryable, now: Date, scope: WallScope): Promise<{ name: string; startsAt: Date; endsAt: Date } | undefined> {
  const inScope = [
    scope.team ? sql`s.team = ${scope.team}` : undefined,
    scope.services?.length ? sql`s.slug in (${sql.join(scope.services.map((slug) => sql`${slug}`), sql`, `)})` : undefined,
  ].filter((condition): condition is SQL => condition !== undefined);
  const row = await firstRow<{ name: string; startsAt: number; endsAt: number }>(q, sql`select f.name as name, f.starts_at as startsAt, f.ends_at as endsAt
    from freeze_windows f left join services s on s.id = f.service_id
    where f.ends_at > ${now.getTime()}
      ${inScope.length ? sql`and (f.service_id is null or (${sql.join(inScope, sql` and `)}))` : sql``}
    order by f.starts_at, f.id limit 1`);
  return row && { name: row.name, startsAt: new Date(row.startsAt), endsAt: new Date(row.endsAt) };
}

/** When each production deployment in scope finished since `since` (ms), for the wall's heatmap. */
export async function deploymentTimesSince(q: Queryable, since: Date, scope: WallScope): Promise<number[]> {
  const rows = await allRows<{ at: number }>(q, sql`select d.finished_at as at
    from deployments d join services s on s.id = d.service_id
    where d.environment = 'production' and d.finished_at >= ${since.getTime()} and d.status in ('success', 'failure')
      ${scope.team ? sql`and s.team = ${scope.team}` : sql``}
      ${scope.services?.length ? sql`and s.slug in (${sql.join(scope.services.map((slug) => sql`${slug}`), sql`, `)})` : sql``}`);
  return rows.map((r) => r.at);
}

/** The language a wall link fixes (null: the viewer's browser decides). */
export async function findWallLinkLocale(q: Queryable, tokenHash: string): Promise<string | null> {
  return (await q.select({ locale: wallLinks.locale }).from(wallLinks).where(eq(wallLinks.tokenHash, tokenHash)).limit(1))[0]?.locale ?? null;
}
