import { sql } from "drizzle-orm";
import { sqliteTable, text, integer, index } from "drizzle-orm/sqlite-core";

/** Whether an approved change authorises one deployment (then it is implemented and used) or every deployment until it is closed. */
export const CHANGE_REUSE = ["once", "until_closed"] as const;
export type ChangeReuse = (typeof CHANGE_REUSE)[number];

export const services = sqliteTable(
  "services",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    team: text("team"),
    description: text("description"),
    repository: text("repository"),
    /** Deployment gating (lib/changes/gate.ts): the environments whose deployments must name an approved change request. */
    requireChange: text("require_change", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
    /** Minutes a deployment may run before or after its normal change's planned window. */
    changeToleranceMinutes: integer("change_tolerance_minutes").notNull().default(0),
    changeReuse: text("change_reuse", { enum: CHANGE_REUSE }).notNull().default("once"),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("services_team_idx").on(t.team)],
);
export type Service = typeof services.$inferSelect;
export type NewService = typeof services.$inferInsert;
