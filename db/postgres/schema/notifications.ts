import { pgTable, text, integer, index } from "drizzle-orm/pg-core";
import { ATTEMPT_OUTCOMES, CHANNEL_KINDS, OUTBOX_STATUSES, type NotificationEventType } from "../../schema/notifications";
import { user } from "./auth";
import { jsonText, timestampMs } from "./columns";

export { ATTEMPT_OUTCOMES, CHANNEL_KINDS, NOTIFICATION_EVENTS, OUTBOX_STATUSES } from "../../schema/notifications";
export type { ChannelKind, NotificationEventType } from "../../schema/notifications";

export const notificationChannels = pgTable("notification_channels", {
  id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
  kind: text("kind", { enum: CHANNEL_KINDS }).notNull(),
  name: text("name").notNull(),
  target: text("target").notNull(),
  secretSealed: text("secret_sealed"),
  events: jsonText("events").$type<NotificationEventType[] | null>(),
  team: text("team"),
  createdBy: text("created_by").references(() => user.id, { onDelete: "set null" }),
  createdAt: timestampMs("created_at").notNull(),
  disabledAt: timestampMs("disabled_at"),
  disabledReason: text("disabled_reason"),
  locale: text("locale").notNull().default("en"),
});
export type NotificationChannel = typeof notificationChannels.$inferSelect;

export const notificationOutbox = pgTable(
  "notification_outbox",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    messageId: text("message_id").notNull().unique(),
    channelId: integer("channel_id").references(() => notificationChannels.id, { onDelete: "cascade" }),
    recipient: text("recipient"),
    event: text("event").notNull(),
    payload: jsonText("payload").$type<Record<string, unknown>>().notNull(),
    status: text("status", { enum: OUTBOX_STATUSES }).notNull(),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestampMs("next_attempt_at").notNull(),
    leaseUntil: timestampMs("lease_until"),
    leaseOwner: text("lease_owner"),
    createdAt: timestampMs("created_at").notNull(),
    deliveredAt: timestampMs("delivered_at"),
  },
  (t) => [index("notification_outbox_due_idx").on(t.status, t.nextAttemptAt), index("notification_outbox_channel_idx").on(t.channelId, t.id)],
);
export type OutboxMessage = typeof notificationOutbox.$inferSelect;

export const notificationAttempts = pgTable(
  "notification_attempts",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    channelId: integer("channel_id").references(() => notificationChannels.id, { onDelete: "cascade" }),
    recipient: text("recipient"),
    messageId: text("message_id").notNull(),
    event: text("event").notNull(),
    outcome: text("outcome", { enum: ATTEMPT_OUTCOMES }).notNull(),
    status: integer("status"),
    answer: text("answer").notNull(),
    attemptedAt: timestampMs("attempted_at").notNull(),
  },
  (t) => [index("notification_attempts_channel_idx").on(t.channelId, t.attemptedAt)],
);
export type NotificationAttempt = typeof notificationAttempts.$inferSelect;
