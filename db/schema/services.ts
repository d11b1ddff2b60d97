import { sqliteTable, text, integer, index } from "drizzle-orm/sqlite-core";

export const services = sqliteTable(
  "services",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    team: text("team"),
    description: text("description"),
    repository: text("repository"),
    /** Deployment gating: the API refuses (409) a deployment naming a change request that is not approved. */
    requireApprovedChange: integer("require_approved_change", { mode: "boolean" }).notNull().default(false),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("services_team_idx").on(t.team)],
);
export type Service = typeof services.$inferSelect;
export type NewService = typeof services.$inferInsert;
