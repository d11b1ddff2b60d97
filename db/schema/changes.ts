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
