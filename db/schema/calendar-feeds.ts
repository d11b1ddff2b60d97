import { sqliteTable, text, integer } from "drizzle-orm/sqlite-core";
import { user } from "./auth";

/**
 * Secret links to a team's (or everyone's) change calendar as iCal, for people's own calendar apps, which
 * cannot sign in. Like wall links, only a digest of the secret is kept.
 */
export const calendarFeeds = sqliteTable("calendar_feeds", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  name: text("name").notNull(),
  /** Null: the changes and freezes of every team. */
  team: text("team"),
  tokenHash: text("token_hash").notNull().unique(),
  revokedAt: integer("revoked_at", { mode: "timestamp_ms" }),
  createdBy: text("created_by").references(() => user.id, { onDelete: "set null" }),
  createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
});
export type CalendarFeed = typeof calendarFeeds.$inferSelect;
