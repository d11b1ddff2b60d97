import { pgTable, text, integer, index, uniqueIndex } from "drizzle-orm/pg-core";
import { DELIVERY_OUTCOMES, INTEGRATION_SOURCES } from "../../schema/integrations";
import { user } from "./auth";
import { jsonText, timestampMs } from "./columns";

export { DELIVERY_OUTCOMES, INTEGRATION_SOURCES } from "../../schema/integrations";

export const integrations = pgTable("integrations", {
  id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
  source: text("source", { enum: INTEGRATION_SOURCES }).notNull(),
  name: text("name").notNull(),
  secretSealed: text("secret_sealed").notNull(),
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
