import { desc, eq } from "drizzle-orm";
import type { Queryable } from "../database";
import { calendarFeeds, type CalendarFeed } from "../schema";

export async function insertCalendarFeed(q: Queryable, values: typeof calendarFeeds.$inferInsert): Promise<CalendarFeed> {
  return (await q.insert(calendarFeeds).values(values).returning())[0]!;
}

export async function findCalendarFeedByHash(q: Queryable, tokenHash: string): Promise<CalendarFeed | undefined> {
  return (await q.select().from(calendarFeeds).where(eq(calendarFeeds.tokenHash, tokenHash)).limit(1))[0];
}

export async function listCalendarFeeds(q: Queryable): Promise<CalendarFeed[]> {
  return q.select().from(calendarFeeds).orderBy(desc(calendarFeeds.createdAt), desc(calendarFeeds.id));
}

export async function revokeCalendarFeedRow(q: Queryable, id: number, at: Date): Promise<CalendarFeed | undefined> {
  return (await q.update(calendarFeeds).set({ revokedAt: at }).where(eq(calendarFeeds.id, id)).returning())[0];
}
