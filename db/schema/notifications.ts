import { sqliteTable, text, integer, index } from "drizzle-orm/sqlite-core";
import { user } from "./auth";

export const CHANNEL_KINDS = ["webhook", "slack", "teams", "email"] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

/** What a notification is about, as CONTRACT.md "Outbound notifications" names them. */
export const NOTIFICATION_EVENTS = [
  "incident.declared",
  "incident.updated",
  "incident.resolved",
  "change.submitted",
  "change.decided",
  "deployment.failed",
  "gate.denied",
  "action_item.overdue",
  "oncall.handoff",
] as const;
export type NotificationEventType = (typeof NOTIFICATION_EVENTS)[number];

export const OUTBOX_STATUSES = ["pending", "delivered", "gave_up"] as const;

/**
 * Where notifications go. A webhook's signing secret is sealed like an integration's (it signs every
 * message, so Tandem needs it back); `events` null means every event, `team` null every team.
 */
export const notificationChannels = sqliteTable("notification_channels", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  kind: text("kind", { enum: CHANNEL_KINDS }).notNull(),
  name: text("name").notNull(),
  /** An http(s) URL, or for email an address. */
  target: text("target").notNull(),
  secretSealed: text("secret_sealed"),
  events: text("events", { mode: "json" }).$type<NotificationEventType[] | null>(),
  team: text("team"),
  createdBy: text("created_by").references(() => user.id, { onDelete: "set null" }),
  createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  disabledAt: integer("disabled_at", { mode: "timestamp_ms" }),
  /** Why it stopped, when Tandem stopped it (a receiver that answered 410 Gone); null when an admin did. */
  disabledReason: text("disabled_reason"),
  /** The language its people-facing messages (Slack, Teams, email) are written in (lib/i18n/locales.ts); webhooks stay English. */
  locale: text("locale").notNull().default("en"),
});
export type NotificationChannel = typeof notificationChannels.$inferSelect;

/**
 * One message for one channel, written in the transaction of the change it reports. `messageId` is the
 * Standard Webhooks `webhook-id`, the same on every attempt. A worker claims a due row by setting
 * `leaseUntil` in a write transaction, so several servers never send it at the same time.
 */
export const notificationOutbox = sqliteTable(
  "notification_outbox",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    messageId: text("message_id").notNull().unique(),
    /** The channel it goes to; null for a person's own email, which goes to `recipient`. */
    channelId: integer("channel_id").references(() => notificationChannels.id, { onDelete: "cascade" }),
    recipient: text("recipient"),
    event: text("event").notNull(),
    /** The rendered event: {type, timestamp, data} plus what people-facing channels show. */
    payload: text("payload", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    status: text("status", { enum: OUTBOX_STATUSES }).notNull(),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: integer("next_attempt_at", { mode: "timestamp_ms" }).notNull(),
    leaseUntil: integer("lease_until", { mode: "timestamp_ms" }),
    leaseOwner: text("lease_owner"),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    deliveredAt: integer("delivered_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("notification_outbox_due_idx").on(t.status, t.nextAttemptAt), index("notification_outbox_channel_idx").on(t.channelId, t.id)],
);
export type OutboxMessage = typeof notificationOutbox.$inferSelect;

export const ATTEMPT_OUTCOMES = ["delivered", "failed", "gave_up"] as const;

/** Every attempt to send, with the receiver's answer: the channel's delivery log. */
export const notificationAttempts = sqliteTable(
  "notification_attempts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    channelId: integer("channel_id").references(() => notificationChannels.id, { onDelete: "cascade" }),
    recipient: text("recipient"),
    messageId: text("message_id").notNull(),
    event: text("event").notNull(),
    outcome: text("outcome", { enum: ATTEMPT_OUTCOMES }).notNull(),
    /** The HTTP status (or SMTP reply code); null when no answer came (refused, timed out). */
    status: integer("status"),
    answer: text("answer").notNull(),
    attemptedAt: integer("attempted_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("notification_attempts_channel_idx").on(t.channelId, t.attemptedAt)],
);
export type NotificationAttempt = typeof notificationAttempts.$inferSelect;
