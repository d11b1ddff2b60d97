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
  /**
   * Sealed like the secret: what Tandem calls the tool's API with to answer its deployment gates (a GitHub
   * App's private key, a GitLab access token). Null: the integration only receives webhooks.
   */
  credentialSealed: text("credential_sealed"),
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

export const DELIVERY_OUTCOMES = ["applied", "ignored", "duplicate", "refused", "failed"] as const;

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

export const PROTECTION_STATES = ["waiting", "approved", "rejected"] as const;

/**
 * A deployment a tool holds until Tandem answers (a GitHub deployment protection rule, a blocked GitLab
 * deployment). A denied request stays waiting and is asked again, so a later approval or the end of a
 * freeze lets it go; `leaseUntil` lets one server at a time work on it.
 */
export const protectionRequests = sqliteTable(
  "protection_requests",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    integrationId: integer("integration_id")
      .notNull()
      .references(() => integrations.id, { onDelete: "cascade" }),
    /** The tool's own identity of the request: a redelivery finds the same row. */
    externalKey: text("external_key").notNull(),
    service: text("service").notNull(),
    environment: text("environment").notNull(),
    changeRequestId: integer("change_request_id"),
    sha: text("sha"),
    version: text("version"),
    /** Where the answer goes: GitHub's callback URL, environment and installation, or GitLab's project and deployment. */
    target: text("target", { mode: "json" }).$type<Record<string, string>>().notNull(),
    state: text("state", { enum: PROTECTION_STATES }).notNull(),
    /** The last answer's reasons, as a JSON array of {code, message}: a re-check records a decision only when they change. */
    reasons: text("reasons", { mode: "json" }).$type<{ code: string; message: string }[] | null>(),
    attempts: integer("attempts").notNull(),
    nextAttemptAt: integer("next_attempt_at", { mode: "timestamp_ms" }).notNull(),
    leaseUntil: integer("lease_until", { mode: "timestamp_ms" }),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    answeredAt: integer("answered_at", { mode: "timestamp_ms" }),
  },
  (t) => [uniqueIndex("protection_requests_key_idx").on(t.integrationId, t.externalKey), index("protection_requests_due_idx").on(t.state, t.nextAttemptAt)],
);
export type ProtectionRequest = typeof protectionRequests.$inferSelect;
