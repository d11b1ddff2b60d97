import { pgTable, text, integer } from "drizzle-orm/pg-core";
import { user } from "./auth";
import { timestampMs } from "./columns";

export const calendarFeeds = pgTable("calendar_feeds", {
  id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
  name: text("name").notNull(),
  team: text("team"),
  tokenHash: text("token_hash").notNull().unique(),
  revokedAt: timestampMs("revoked_at"),
  createdBy: text("created_by").references(() => user.id, { onDelete: "set null" }),
  createdAt: timestampMs("created_at").notNull(),
});
export type CalendarFeed = typeof calendarFeeds.$inferSelect;
