import { sqliteTable, text, integer, index, uniqueIndex } from "drizzle-orm/sqlite-core";
import { services } from "./services";
import { user } from "./auth";

export const CHANGE_TYPES = ["standard", "normal", "emergency"] as const;
export const CHANGE_RISKS = ["low", "medium", "high"] as const;
export const CHANGE_STATUSES = [
  "draft",
  "pending_approval",
  "approved",
  "rejected",
  "implemented",
  "failed",
  "cancelled",
] as const;
export type ChangeStatus = (typeof CHANGE_STATUSES)[number];

export const changeRequests = sqliteTable(
  "change_requests",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    serviceId: integer("service_id")
      .notNull()
      .references(() => services.id),
    title: text("title").notNull(),
    description: text("description"),
    rollbackPlan: text("rollback_plan"),
    type: text("type", { enum: CHANGE_TYPES }).notNull(),
    risk: text("risk", { enum: CHANGE_RISKS }).notNull(),
    status: text("status", { enum: CHANGE_STATUSES }).notNull().default("draft"),
    /**
     * Emergency changes implemented before any approval stay flagged until they have the approvals their risk
     * needs; one rejected afterwards ends rejected and keeps the flag, for review of what shipped.
     */
    awaitingRetroactiveApproval: integer("awaiting_retroactive_approval", { mode: "boolean" }).notNull().default(false),
    plannedStart: integer("planned_start", { mode: "timestamp_ms" }),
    plannedEnd: integer("planned_end", { mode: "timestamp_ms" }),
    requesterId: text("requester_id").references(() => user.id, { onDelete: "set null" }),
    source: text("source").notNull(),
    externalId: text("external_id"),
    submittedAt: integer("submitted_at", { mode: "timestamp_ms" }),
    decidedAt: integer("decided_at", { mode: "timestamp_ms" }),
    implementedAt: integer("implemented_at", { mode: "timestamp_ms" }),
    /** The catalog entry a standard change was filed from (change_templates); kept when the entry is deleted. */
    templateId: integer("template_id"),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    uniqueIndex("change_requests_source_external_idx").on(t.source, t.externalId),
    index("change_requests_status_idx").on(t.status),
    index("change_requests_service_created_idx").on(t.serviceId, t.createdAt),
    index("change_requests_created_idx").on(t.createdAt),
  ],
);
export type ChangeRequest = typeof changeRequests.$inferSelect;
export type NewChangeRequest = typeof changeRequests.$inferInsert;

export const changeApprovals = sqliteTable(
  "change_approvals",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    changeId: integer("change_id")
      .notNull()
      .references(() => changeRequests.id, { onDelete: "cascade" }),
    approverId: text("approver_id")
      .notNull()
      .references(() => user.id),
    decision: text("decision", { enum: ["approved", "rejected"] }).notNull(),
    comment: text("comment").notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [uniqueIndex("change_approvals_change_approver_idx").on(t.changeId, t.approverId)],
);
export type ChangeApproval = typeof changeApprovals.$inferSelect;

/** A period in which normal changes are not approved: global when serviceId is null. */
export const freezeWindows = sqliteTable(
  "freeze_windows",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    name: text("name").notNull(),
    serviceId: integer("service_id").references(() => services.id),
    startsAt: integer("starts_at", { mode: "timestamp_ms" }).notNull(),
    endsAt: integer("ends_at", { mode: "timestamp_ms" }).notNull(),
    reason: text("reason"),
    createdBy: text("created_by").references(() => user.id, { onDelete: "set null" }),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("freeze_windows_ends_idx").on(t.endsAt)],
);
export type FreezeWindow = typeof freezeWindows.$inferSelect;

/**
 * A standard change an admin has approved in advance: a change filed from it is approved on submission while it
 * stays within it (its service, or a service of its team, and at most its risk).
 */
export const changeTemplates = sqliteTable("change_templates", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  title: text("title").notNull().unique(),
  serviceId: integer("service_id").references(() => services.id),
  team: text("team"),
  maxRisk: text("max_risk", { enum: CHANGE_RISKS }).notNull(),
  description: text("description"),
  createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
});
export type ChangeTemplate = typeof changeTemplates.$inferSelect;

export const GATE_DECISIONS = ["allow", "deny"] as const;

/**
 * Every answer of POST /api/v1/gate, as given: the service and change are kept as named (a gate also answers
 * about services and changes that do not exist), the reasons as [{code, message}].
 */
export const gateDecisions = sqliteTable(
  "gate_decisions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: integer("at", { mode: "timestamp_ms" }).notNull(),
    serviceId: integer("service_id").references(() => services.id),
    service: text("service").notNull(),
    environment: text("environment").notNull(),
    changeRequestId: integer("change_request_id"),
    sha: text("sha"),
    version: text("version"),
    decision: text("decision", { enum: GATE_DECISIONS }).notNull(),
    reasons: text("reasons", { mode: "json" }).$type<{ code: string; message: string }[]>().notNull(),
  },
  (t) => [index("gate_decisions_at_idx").on(t.at)],
);
export type GateDecision = typeof gateDecisions.$inferSelect;
