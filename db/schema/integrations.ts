import { sqliteTable, text, integer, index, uniqueIndex } from "drizzle-orm/sqlite-core";
import { user } from "./auth";

export const INTEGRATION_SOURCES = ["github", "gitlab", "pagerduty", "opsgenie", "alertmanager", "cdevents"] as const;

/**
 * A webhook sender. The secret is kept sealed (AES-256-GCM under a key derived from TANDEM_SECRET)
 * because HMAC signatures can only be checked with the secret itself.
 */
export const integrations = sqliteTable("integrations", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  source: text("source", { enum: INTEGRATION_SOURCES }).notNull(),
  name: text("name").notNull(),
  secretSealed: text("secret_sealed").notNull(),
  /** JSON IntegrationConfig: service and environment maps, workflows, severities, alert matchers. */
  config: text("config", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
  createdBy: text("created_by").references(() => user.id, { onDelete: "set null" }),
  createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  disabledAt: integer("disabled_at", { mode: "timestamp_ms" }),
});
export type Integration = typeof integrations.$inferSelect;

/** Delivery ids already applied, per integration: a redelivery is acknowledged, never applied twice. */
export const webhookReceipts = sqliteTable(
  "webhook_receipts",
  {
    integrationId: integer("integration_id")
      .notNull()
      .references(() => integrations.id, { onDelete: "cascade" }),
    deliveryId: text("delivery_id").notNull(),
    receivedAt: integer("received_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [uniqueIndex("webhook_receipts_delivery_idx").on(t.integrationId, t.deliveryId)],
);

export const DELIVERY_OUTCOMES = ["applied", "ignored", "duplicate", "refused"] as const;

/** Every authenticated delivery and what became of it, like GitHub's "Recent deliveries". */
export const webhookDeliveries = sqliteTable(
  "webhook_deliveries",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    integrationId: integer("integration_id")
      .notNull()
      .references(() => integrations.id, { onDelete: "cascade" }),
    deliveryId: text("delivery_id"),
    event: text("event").notNull(),
    outcome: text("outcome", { enum: DELIVERY_OUTCOMES }).notNull(),
    status: integer("status").notNull(),
    message: text("message").notNull(),
    receivedAt: integer("received_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("webhook_deliveries_integration_idx").on(t.integrationId, t.receivedAt)],
);
export type WebhookDelivery = typeof webhookDeliveries.$inferSelect;
