import { desc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { wallLinks, type WallLink } from "../schema";

export function insertWallLink(db: DbOrTx, values: typeof wallLinks.$inferInsert): WallLink {
  return db.insert(wallLinks).values(values).returning().get();
}

export function findWallLinkByHash(db: DbOrTx, tokenHash: string): WallLink | undefined {
  return db.select().from(wallLinks).where(eq(wallLinks.tokenHash, tokenHash)).get();
}

export function listWallLinks(db: DbOrTx): WallLink[] {
  return db.select().from(wallLinks).orderBy(desc(wallLinks.createdAt)).all();
}

export function revokeWallLinkRow(db: DbOrTx, id: number): WallLink | undefined {
  return db.update(wallLinks).set({ revokedAt: new Date() }).where(eq(wallLinks.id, id)).returning().get();
}

/** Which services a wall view covers: a team, a set of services, both (their intersection) or neither (all). */
export type WallScope = { team?: string; services?: string[] };

/** Production deployments per service since `since` (today, on the wall): how many succeeded and failed. */
export function deploymentsSince(db: DbOrTx, since: Date, scope: WallScope): { service: string; succeeded: number; failed: number }[] {
  return db.all<{ service: string; succeeded: number; failed: number }>(sql`select s.slug as service,
      sum(d.status = 'success') as succeeded, sum(d.status = 'failure') as failed
    from deployments d join services s on s.id = d.service_id
    where d.environment = 'production' and d.finished_at >= ${since.getTime()} and d.status in ('success', 'failure')
      ${scope.team ? sql`and s.team = ${scope.team}` : sql``}
      ${scope.services?.length ? sql`and s.slug in (${sql.join(scope.services.map((slug) => sql`${slug}`), sql`, `)})` : sql``}
    group by s.slug order by s.slug`);
}
