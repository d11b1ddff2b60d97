import { pgTable, text, integer, index } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { jsonText, timestampMs } from "./columns";
import { CHANGE_REUSE } from "../../schema/services";

export { CHANGE_REUSE, type ChangeReuse } from "../../schema/services";

export const services = pgTable(
  "services",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    team: text("team"),
    description: text("description"),
    repository: text("repository"),
    requireChange: jsonText("require_change").$type<string[]>().notNull().default(sql`'[]'`),
    changeToleranceMinutes: integer("change_tolerance_minutes").notNull().default(0),
    changeReuse: text("change_reuse", { enum: CHANGE_REUSE }).notNull().default("once"),
    createdAt: timestampMs("created_at").notNull(),
    updatedAt: timestampMs("updated_at").notNull(),
  },
  (t) => [index("services_team_idx").on(t.team)],
);
export type Service = typeof services.$inferSelect;
export type NewService = typeof services.$inferInsert;
