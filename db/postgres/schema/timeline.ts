import { pgTable, text, integer, index } from "drizzle-orm/pg-core";
import { EVENT_TYPES } from "../../schema/timeline";
import { services } from "./services";
import { timestampMs } from "./columns";

export { EVENT_TYPES, type EventType } from "../../schema/timeline";

export const timelineEvents = pgTable(
  "timeline_events",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    at: timestampMs("at").notNull(),
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
