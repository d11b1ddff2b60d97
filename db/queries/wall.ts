import { desc, eq, sql } from "drizzle-orm";
import type { Queryable } from "../database";
import { wallLinks, type WallLink } from "../schema";
import { allRows } from "../raw";

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
