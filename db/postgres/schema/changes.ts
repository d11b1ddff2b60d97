import { pgTable, text, integer, boolean, index, uniqueIndex } from "drizzle-orm/pg-core";
import { CHANGE_RISKS, CHANGE_STATUSES, CHANGE_TYPES, GATE_DECISIONS } from "../../schema/changes";
import { services } from "./services";
import { user } from "./auth";
import { jsonText, timestampMs } from "./columns";

export { CHANGE_RISKS, CHANGE_STATUSES, CHANGE_TYPES, GATE_DECISIONS, type ChangeStatus } from "../../schema/changes";

export const changeRequests = pgTable(
  "change_requests",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    serviceId: integer("service_id")
      .notNull()
      .references(() => services.id),
    title: text("title").notNull(),
    description: text("description"),
    rollbackPlan: text("rollback_plan"),
    type: text("type", { enum: CHANGE_TYPES }).notNull(),
    risk: text("risk", { enum: CHANGE_RISKS }).notNull(),
    status: text("status", { enum: CHANGE_STATUSES }).notNull().default("draft"),
    awaitingRetroactiveApproval: boolean("awaiting_retroactive_approval").notNull().default(false),
    plannedStart: timestampMs("planned_start"),
    plannedEnd: timestampMs("planned_end"),
    requesterId: text("requester_id").references(() => user.id, { onDelete: "set null" }),
    source: text("source").notNull(),
    externalId: text("external_id"),
    submittedAt: timestampMs("submitted_at"),
    decidedAt: timestampMs("decided_at"),
    implementedAt: timestampMs("implemented_at"),
    templateId: integer("template_id"),
    createdAt: timestampMs("created_at").notNull(),
    updatedAt: timestampMs("updated_at").notNull(),
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

export const changeApprovals = pgTable(
  "change_approvals",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    changeId: integer("change_id")
      .notNull()
      .references(() => changeRequests.id, { onDelete: "cascade" }),
    approverId: text("approver_id")
      .notNull()
      .references(() => user.id),
    decision: text("decision", { enum: ["approved", "rejected"] }).notNull(),
    comment: text("comment").notNull(),
    createdAt: timestampMs("created_at").notNull(),
  },
  (t) => [uniqueIndex("change_approvals_change_approver_idx").on(t.changeId, t.approverId)],
);
export type ChangeApproval = typeof changeApprovals.$inferSelect;

export const freezeWindows = pgTable(
  "freeze_windows",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    name: text("name").notNull(),
    serviceId: integer("service_id").references(() => services.id),
    startsAt: timestampMs("starts_at").notNull(),
    endsAt: timestampMs("ends_at").notNull(),
    reason: text("reason"),
    createdBy: text("created_by").references(() => user.id, { onDelete: "set null" }),
    createdAt: timestampMs("created_at").notNull(),
  },
  (t) => [index("freeze_windows_ends_idx").on(t.endsAt)],
);
export type FreezeWindow = typeof freezeWindows.$inferSelect;

export const changeTemplates = pgTable("change_templates", {
  id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
  title: text("title").notNull().unique(),
  serviceId: integer("service_id").references(() => services.id),
  team: text("team"),
  maxRisk: text("max_risk", { enum: CHANGE_RISKS }).notNull(),
  description: text("description"),
  createdAt: timestampMs("created_at").notNull(),
});
export type ChangeTemplate = typeof changeTemplates.$inferSelect;

export const gateDecisions = pgTable(
  "gate_decisions",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    at: timestampMs("at").notNull(),
    serviceId: integer("service_id").references(() => services.id),
    service: text("service").notNull(),
    environment: text("environment").notNull(),
    changeRequestId: integer("change_request_id"),
    sha: text("sha"),
    version: text("version"),
    decision: text("decision", { enum: GATE_DECISIONS }).notNull(),
    reasons: jsonText("reasons").$type<{ code: string; message: string }[]>().notNull(),
  },
  (t) => [index("gate_decisions_at_idx").on(t.at)],
);
export type GateDecision = typeof gateDecisions.$inferSelect;
