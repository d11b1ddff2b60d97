import { sqliteTable, text, integer, index } from "drizzle-orm/sqlite-core";
import { services } from "./services";

export const EVENT_TYPES = ["deployment", "incident", "change", "gate"] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/**
 * The shared timeline, written in the same transaction as the change it records, so it can be read
 * newest-first by (at, id) with a stable cursor however deep, without re-deriving it from every table.
 */
export const timelineEvents = sqliteTable(
  "timeline_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: integer("at", { mode: "timestamp_ms" }).notNull(),
    type: text("type", { enum: EVENT_TYPES }).notNull(),
    action: text("action").notNull(),
    serviceId: integer("service_id")
      .notNull()
      .references(() => services.id),
    environment: text("environment"),
    summary: text("summary").notNull(),
    subjectId: integer("subject_id").notNull(),
    subjectExternalId: text("subject_external_id"),
  },
  (t) => [index("timeline_events_at_idx").on(t.at, t.id), index("timeline_events_service_at_idx").on(t.serviceId, t.at, t.id), index("timeline_events_type_at_idx").on(t.type, t.at, t.id)],
);
export type TimelineEvent = typeof timelineEvents.$inferSelect;
export type NewTimelineEvent = typeof timelineEvents.$inferInsert;
