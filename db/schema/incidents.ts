import { sqliteTable, text, integer, index, uniqueIndex } from "drizzle-orm/sqlite-core";
import { services } from "./services";
import { deployments } from "./deployments";
import { user } from "./auth";

export const SEVERITIES = ["SEV1", "SEV2", "SEV3", "SEV4"] as const;
export type Severity = (typeof SEVERITIES)[number];
export const INCIDENT_STATUSES = ["investigating", "identified", "monitoring", "resolved"] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

/**
 * Incidents carry no environment (CONTRACT.md): they are outages of what users reach, which is the
 * default environment the figures count, so only its deployments can have caused one.
 */
export const INCIDENT_ENVIRONMENT = "production";

export const incidents = sqliteTable(
  "incidents",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    serviceId: integer("service_id")
      .notNull()
      .references(() => services.id),
    title: text("title").notNull(),
    severity: text("severity", { enum: SEVERITIES }).notNull(),
    status: text("status", { enum: INCIDENT_STATUSES }).notNull().default("investigating"),
    startedAt: integer("started_at", { mode: "timestamp_ms" }).notNull(),
    acknowledgedAt: integer("acknowledged_at", { mode: "timestamp_ms" }),
    resolvedAt: integer("resolved_at", { mode: "timestamp_ms" }),
    causedById: integer("caused_by_id").references(() => deployments.id),
    leadId: text("lead_id").references(() => user.id, { onDelete: "set null" }),
    /** Who keeps stakeholders informed (the communications role), beside the lead who runs the response. */
    communicationsId: text("communications_id").references(() => user.id, { onDelete: "set null" }),
    summary: text("summary"),
    /** summary and postmortem rendered (sanitised HTML) when written, so a view never renders Markdown. */
    summaryHtml: text("summary_html"),
    postmortem: text("postmortem"),
    postmortemHtml: text("postmortem_html"),
    source: text("source").notNull(),
    externalId: text("external_id"),
    createdBy: text("created_by").references(() => user.id, { onDelete: "set null" }),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
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

/**
 * What an Updates entry records. A note's or correction's body is its text; the state changes carry their
 * detail in `body` too: the new lead's or communications person's name (none when cleared), the severity as "SEV3 → SEV2", the causing
 * deployment's id (none when unlinked), a move to another service as "old-slug → new-slug". `status` holds the status for "status" and "declared".
 */
export const INCIDENT_UPDATE_KINDS = ["note", "status", "correction", "declared", "acknowledged", "lead", "communications", "severity", "cause", "postmortem", "service"] as const;
export type IncidentUpdateKind = (typeof INCIDENT_UPDATE_KINDS)[number];
/** The kinds whose body is text a person wrote (Markdown, rendered when written); the others carry a detail. */
export const WRITTEN_UPDATE_KINDS = ["note", "status", "correction"] as const satisfies readonly IncidentUpdateKind[];

export const incidentUpdates = sqliteTable(
  "incident_updates",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    incidentId: integer("incident_id")
      .notNull()
      .references(() => incidents.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: INCIDENT_UPDATE_KINDS }).notNull(),
    status: text("status", { enum: INCIDENT_STATUSES }),
    body: text("body"),
    bodyHtml: text("body_html"),
    authorId: text("author_id").references(() => user.id, { onDelete: "set null" }),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("incident_updates_incident_idx").on(t.incidentId, t.createdAt)],
);
export type IncidentUpdate = typeof incidentUpdates.$inferSelect;
