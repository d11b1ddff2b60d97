import { pgTable, text, integer, index, uniqueIndex } from "drizzle-orm/pg-core";
import { INCIDENT_STATUSES, INCIDENT_UPDATE_KINDS, SEVERITIES } from "../../schema/incidents";
import { services } from "./services";
import { deployments } from "./deployments";
import { user } from "./auth";
import { timestampMs } from "./columns";

export { INCIDENT_ENVIRONMENT, INCIDENT_STATUSES, INCIDENT_UPDATE_KINDS, SEVERITIES, WRITTEN_UPDATE_KINDS, type IncidentStatus, type IncidentUpdateKind, type Severity } from "../../schema/incidents";

export const incidents = pgTable(
  "incidents",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    serviceId: integer("service_id")
      .notNull()
      .references(() => services.id),
    title: text("title").notNull(),
    severity: text("severity", { enum: SEVERITIES }).notNull(),
    status: text("status", { enum: INCIDENT_STATUSES }).notNull().default("investigating"),
    startedAt: timestampMs("started_at").notNull(),
    acknowledgedAt: timestampMs("acknowledged_at"),
    resolvedAt: timestampMs("resolved_at"),
    causedById: integer("caused_by_id").references(() => deployments.id),
    leadId: text("lead_id").references(() => user.id, { onDelete: "set null" }),
    communicationsId: text("communications_id").references(() => user.id, { onDelete: "set null" }),
    summary: text("summary"),
    /** The summary rendered (sanitised HTML) when it was written: Markdown is never rendered per request. */
    summaryHtml: text("summary_html"),
    postmortem: text("postmortem"),
    postmortemHtml: text("postmortem_html"),
    source: text("source").notNull(),
    externalId: text("external_id"),
    createdBy: text("created_by").references(() => user.id, { onDelete: "set null" }),
    createdAt: timestampMs("created_at").notNull(),
    updatedAt: timestampMs("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("incidents_source_external_idx").on(t.source, t.externalId),
    index("incidents_started_idx").on(t.startedAt),
    index("incidents_service_started_idx").on(t.serviceId, t.startedAt),
    index("incidents_caused_by_idx").on(t.causedById),
    index("incidents_status_idx").on(t.status),
  ],
);
export type Incident = typeof incidents.$inferSelect;
export type NewIncident = typeof incidents.$inferInsert;

export const incidentUpdates = pgTable(
  "incident_updates",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    incidentId: integer("incident_id")
      .notNull()
      .references(() => incidents.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: INCIDENT_UPDATE_KINDS }).notNull(),
    status: text("status", { enum: INCIDENT_STATUSES }),
    body: text("body"),
    bodyHtml: text("body_html"),
    authorId: text("author_id").references(() => user.id, { onDelete: "set null" }),
    createdAt: timestampMs("created_at").notNull(),
  },
  (t) => [index("incident_updates_incident_idx").on(t.incidentId, t.createdAt)],
);
export type IncidentUpdate = typeof incidentUpdates.$inferSelect;
