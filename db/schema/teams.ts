import { sqliteTable, text, integer, index, primaryKey, uniqueIndex } from "drizzle-orm/sqlite-core";
import { user } from "./auth";

/** A team owns services: `services.team` holds its slug (kept as text so the API's `team` stays a slug). */
export const teams = sqliteTable("teams", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
});
export type Team = typeof teams.$inferSelect;

/** Members in the order the rotation takes them (`position`, lowest first). */
export const teamMembers = sqliteTable(
  "team_members",
  {
    teamId: integer("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.userId] }), index("team_members_user_idx").on(t.userId)],
);
export type TeamMember = typeof teamMembers.$inferSelect;

/**
 * A team's on-call rotation: from `startsOn` at `handoverTime` (wall clock in `timeZone`) its members take
 * shifts of `shiftHours` in turn. One per team.
 */
export const oncallRotations = sqliteTable("oncall_rotations", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  teamId: integer("team_id")
    .notNull()
    .unique()
    .references(() => teams.id, { onDelete: "cascade" }),
  shiftHours: integer("shift_hours").notNull(),
  /** "HH:MM", 24-hour. */
  handoverTime: text("handover_time").notNull(),
  /** IANA name, e.g. "Europe/Berlin". */
  timeZone: text("time_zone").notNull(),
  /** "YYYY-MM-DD": the local date of the first hand-over, when the first member's first shift begins. */
  startsOn: text("starts_on").notNull(),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
});
export type OncallRotation = typeof oncallRotations.$inferSelect;

/** One-off cover: `userId` is on call for the team over [startsAt, endsAt) whatever the rotation says. */
export const oncallOverrides = sqliteTable(
  "oncall_overrides",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    teamId: integer("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    startsAt: integer("starts_at", { mode: "timestamp_ms" }).notNull(),
    endsAt: integer("ends_at", { mode: "timestamp_ms" }).notNull(),
    reason: text("reason"),
    createdBy: text("created_by").references(() => user.id, { onDelete: "set null" }),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("oncall_overrides_team_idx").on(t.teamId, t.startsAt)],
);
export type OncallOverride = typeof oncallOverrides.$inferSelect;

/**
 * The summary handed to the next shift at a hand-over. The unique (team, hand-over) key makes recording it
 * idempotent however many servers try at once.
 */
export const handoffs = sqliteTable(
  "handoffs",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    teamId: integer("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    handoverAt: integer("handover_at", { mode: "timestamp_ms" }).notNull(),
    shiftStart: integer("shift_start", { mode: "timestamp_ms" }).notNull(),
    outgoingUserId: text("outgoing_user_id").references(() => user.id, { onDelete: "set null" }),
    incomingUserId: text("incoming_user_id").references(() => user.id, { onDelete: "set null" }),
    summary: text("summary", { mode: "json" }).$type<unknown>().notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [uniqueIndex("handoffs_team_handover_idx").on(t.teamId, t.handoverAt)],
);
export type Handoff = typeof handoffs.$inferSelect;
