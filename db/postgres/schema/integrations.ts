import { pgTable, text, integer, index, uniqueIndex } from "drizzle-orm/pg-core";
import { DELIVERY_OUTCOMES, INTEGRATION_SOURCES, PROTECTION_STATES } from "../../schema/integrations";
import { user } from "./auth";
import { jsonText, timestampMs } from "./columns";

export { DELIVERY_OUTCOMES, INTEGRATION_SOURCES, PROTECTION_STATES } from "../../schema/integrations";

export const integrations = pgTable("integrations", {
  id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
  source: text("source", { enum: INTEGRATION_SOURCES }).notNull(),
  name: text("name").notNull(),
  secretSealed: text("secret_sealed").notNull(),
  credentialSealed: text("credential_sealed"),
  config: jsonText("config").$type<Record<string, unknown>>().notNull(),
  createdBy: text("created_by").references(() => user.id, { onDelete: "set null" }),
  createdAt: timestampMs("created_at").notNull(),
  disabledAt: timestampMs("disabled_at"),
});
export type Integration = typeof integrations.$inferSelect;

export const webhookReceipts = pgTable(
  "webhook_receipts",
  {
    integrationId: integer("integration_id")
      .notNull()
      .references(() => integrations.id, { onDelete: "cascade" }),
    deliveryId: text("delivery_id").notNull(),
    receivedAt: timestampMs("received_at").notNull(),
  },
  (t) => [uniqueIndex("webhook_receipts_delivery_idx").on(t.integrationId, t.deliveryId)],
);

export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    integrationId: integer("integration_id")
      .notNull()
      .references(() => integrations.id, { onDelete: "cascade" }),
    deliveryId: text("delivery_id"),
    event: text("event").notNull(),
    outcome: text("outcome", { enum: DELIVERY_OUTCOMES }).notNull(),
    status: integer("status").notNull(),
    message: text("message").notNull(),
    receivedAt: timestampMs("received_at").notNull(),
  },
  (t) => [index("webhook_deliveries_integration_idx").on(t.integrationId, t.receivedAt)],
);
export type WebhookDelivery = typeof webhookDeliveries.$inferSelect;

export const protectionRequests = pgTable(
  "protection_requests",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    integrationId: integer("integration_id")
      .notNull()
      .references(() => integrations.id, { onDelete: "cascade" }),
    externalKey: text("external_key").notNull(),
    service: text("service").notNull(),
    environment: text("environment").notNull(),
    changeRequestId: integer("change_request_id"),
    sha: text("sha"),
    version: text("version"),
    target: jsonText("target").$type<Record<string, string>>().notNull(),
    state: text("state", { enum: PROTECTION_STATES }).notNull(),
    reasons: jsonText("reasons").$type<{ code: string; message: string }[] | null>(),
    attempts: integer("attempts").notNull(),
    nextAttemptAt: timestampMs("next_attempt_at").notNull(),
    leaseUntil: timestampMs("lease_until"),
    createdAt: timestampMs("created_at").notNull(),
    answeredAt: timestampMs("answered_at"),
  },
  (t) => [uniqueIndex("protection_requests_key_idx").on(t.integrationId, t.externalKey), index("protection_requests_due_idx").on(t.state, t.nextAttemptAt)],
);
export type ProtectionRequest = typeof protectionRequests.$inferSelect;
