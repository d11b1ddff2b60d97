import { pgTable, text, integer, index, primaryKey, uniqueIndex } from "drizzle-orm/pg-core";
import { user } from "./auth";
import { jsonText, timestampMs } from "./columns";

export const teams = pgTable("teams", {
  id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  createdAt: timestampMs("created_at").notNull(),
  updatedAt: timestampMs("updated_at").notNull(),
});
export type Team = typeof teams.$inferSelect;

export const teamMembers = pgTable(
  "team_members",
  {
    teamId: integer("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    createdAt: timestampMs("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.userId] }), index("team_members_user_idx").on(t.userId)],
);
export type TeamMember = typeof teamMembers.$inferSelect;

export const oncallRotations = pgTable("oncall_rotations", {
  id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
  teamId: integer("team_id")
    .notNull()
    .unique()
    .references(() => teams.id, { onDelete: "cascade" }),
  shiftHours: integer("shift_hours").notNull(),
  handoverTime: text("handover_time").notNull(),
  timeZone: text("time_zone").notNull(),
  startsOn: text("starts_on").notNull(),
  updatedAt: timestampMs("updated_at").notNull(),
});
export type OncallRotation = typeof oncallRotations.$inferSelect;

export const oncallOverrides = pgTable(
  "oncall_overrides",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    teamId: integer("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    startsAt: timestampMs("starts_at").notNull(),
    endsAt: timestampMs("ends_at").notNull(),
    reason: text("reason"),
    createdBy: text("created_by").references(() => user.id, { onDelete: "set null" }),
    createdAt: timestampMs("created_at").notNull(),
  },
  (t) => [index("oncall_overrides_team_idx").on(t.teamId, t.startsAt)],
);
export type OncallOverride = typeof oncallOverrides.$inferSelect;

export const handoffs = pgTable(
  "handoffs",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    teamId: integer("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    handoverAt: timestampMs("handover_at").notNull(),
    shiftStart: timestampMs("shift_start").notNull(),
    outgoingUserId: text("outgoing_user_id").references(() => user.id, { onDelete: "set null" }),
    incomingUserId: text("incoming_user_id").references(() => user.id, { onDelete: "set null" }),
    summary: jsonText("summary").$type<unknown>().notNull(),
    createdAt: timestampMs("created_at").notNull(),
  },
  (t) => [uniqueIndex("handoffs_team_handover_idx").on(t.teamId, t.handoverAt)],
);
export type Handoff = typeof handoffs.$inferSelect;
