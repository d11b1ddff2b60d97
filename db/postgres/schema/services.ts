import { pgTable, text, integer, boolean, index } from "drizzle-orm/pg-core";
import { timestampMs } from "./columns";

export const services = pgTable(
  "services",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    team: text("team"),
    description: text("description"),
    repository: text("repository"),
    requireApprovedChange: boolean("require_approved_change").notNull().default(false),
    createdAt: timestampMs("created_at").notNull(),
    updatedAt: timestampMs("updated_at").notNull(),
  },
  (t) => [index("services_team_idx").on(t.team)],
);
export type Service = typeof services.$inferSelect;
export type NewService = typeof services.$inferInsert;
