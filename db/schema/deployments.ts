import { sql } from "drizzle-orm";
import { sqliteTable, text, integer, real, blob, index, uniqueIndex, primaryKey, type AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import { services } from "./services";
import { changeRequests } from "./changes";

export const DEPLOYMENT_STATUSES = ["queued", "in_progress", "success", "failure", "cancelled"] as const;
export type DeploymentStatus = (typeof DEPLOYMENT_STATUSES)[number];

export const deployments = sqliteTable(
  "deployments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    serviceId: integer("service_id")
      .notNull()
      .references(() => services.id),
    environment: text("environment").notNull().default("production"),
    version: text("version"),
    /** The commit deployed (head); with push history it tells which earlier commits this deployment delivers. */
    sha: text("sha"),
    status: text("status", { enum: DEPLOYMENT_STATUSES }).notNull(),
    startedAt: integer("started_at", { mode: "timestamp_ms" }),
    finishedAt: integer("finished_at", { mode: "timestamp_ms" }),
    /** Who sent it ("token:3", "integration:2", "ui", "seed"): externalId is unique per source. */
    source: text("source").notNull(),
    externalId: text("external_id"),
    rollbackOfId: integer("rollback_of_id").references((): AnySQLiteColumn => deployments.id),
    unplanned: integer("unplanned", { mode: "boolean" }).notNull().default(false),
    changeFailed: integer("change_failed", { mode: "boolean" }).notNull().default(false),
    changeRequestId: integer("change_request_id").references((): AnySQLiteColumn => changeRequests.id),
    deployedBy: text("deployed_by"),
    url: text("url"),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    uniqueIndex("deployments_source_external_idx").on(t.source, t.externalId),
    index("deployments_finished_idx").on(t.finishedAt),
    // Covering for one service's (or team's) D, as deployments_delivered_idx is for all of them.
    index("deployments_service_env_finished_idx").on(t.serviceId, t.environment, t.finishedAt, t.status, t.changeFailed, t.unplanned, t.rollbackOfId),
    // Covering: recovery by rollback reads (rollback_of_id, status, finished_at) without the table.
    index("deployments_rollback_of_idx").on(t.rollbackOfId, t.status, t.finishedAt),
    // Covering for D (successful deployments of an environment in a window) and what the metrics read of it.
    index("deployments_delivered_idx").on(t.environment, t.status, t.finishedAt, t.serviceId, t.changeFailed, t.unplanned, t.rollbackOfId),
    index("deployments_change_request_idx").on(t.changeRequestId),
    index("deployments_service_sha_idx").on(t.serviceId, t.sha),
    // The deployments list, newest first by when each happened (finished, else started, else recorded),
    // for everything and for one service: without them the list sorted every deployment (1.9 s at a
    // million; 0.2 s for a busy service's 73,000).
    index("deployments_recent_idx").on(sql`coalesce(${t.finishedAt}, ${t.startedAt}, ${t.createdAt})`, t.id),
    index("deployments_service_recent_idx").on(t.serviceId, sql`coalesce(${t.finishedAt}, ${t.startedAt}, ${t.createdAt})`, t.id),
  ],
);
export type Deployment = typeof deployments.$inferSelect;
export type NewDeployment = typeof deployments.$inferInsert;

/** A commit of a service's repository, once, with the earliest timestamp any source gave for it. */
export const commits = sqliteTable(
  "commits",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    serviceId: integer("service_id")
      .notNull()
      .references(() => services.id),
    sha: text("sha").notNull(),
    timestamp: integer("timestamp", { mode: "timestamp_ms" }).notNull(),
    message: text("message"),
    author: text("author"),
    /** First parent as pushes report it; null when unknown (e.g. the first commit of a force-push). */
    parentSha: text("parent_sha"),
  },
  (t) => [uniqueIndex("commits_service_sha_idx").on(t.serviceId, t.sha)],
);
export type Commit = typeof commits.$inferSelect;

/** Which commits a deployment lists as the changes it brings. */
export const deploymentCommits = sqliteTable(
  "deployment_commits",
  {
    deploymentId: integer("deployment_id")
      .notNull()
      .references(() => deployments.id, { onDelete: "cascade" }),
    commitId: integer("commit_id")
      .notNull()
      .references(() => commits.id),
  },
  (t) => [primaryKey({ columns: [t.deploymentId, t.commitId] }), index("deployment_commits_commit_idx").on(t.commitId)],
);

/**
 * When each commit was first delivered to each environment, and the lead time that gives: the view
 * commit_delivery_facts (migration 0016, where the rule is written) kept by triggers on every write to
 * deployments, their commit lists and commit timestamps, so lead time reads one indexed range instead
 * of grouping every deployment ever made.
 */
export const commitDeliveries = sqliteTable(
  "commit_deliveries",
  {
    commitId: integer("commit_id")
      .notNull()
      .references(() => commits.id),
    environment: text("environment").notNull(),
    deploymentId: integer("deployment_id")
      .notNull()
      .references(() => deployments.id),
    serviceId: integer("service_id")
      .notNull()
      .references(() => services.id),
    deliveredAt: integer("delivered_at").notNull(),
    /** delivered − commit timestamp; the metrics keep only positive leads. */
    seconds: real("seconds").notNull(),
    /** The UTC day of deliveredAt as commit_delivery_facts gives it: lead_days is kept by it. */
    day: integer("day").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.commitId, t.environment] }),
    index("commit_deliveries_env_at_idx").on(t.environment, t.deliveredAt, t.serviceId, t.seconds),
    index("commit_deliveries_service_env_at_idx").on(t.serviceId, t.environment, t.deliveredAt, t.seconds),
    index("commit_deliveries_deployment_idx").on(t.deploymentId),
  ],
);

/**
 * The positive lead times (whole ms) of the commits each service first delivered to each environment on
 * each UTC day: kept by triggers on commit_deliveries (migrations 0007, 0009, 0010, 0013), so a 90-day
 * window reads one row per service and day instead of one per commit. Exact: the values themselves,
 * not a summary, so medians stay exact.
 */
export const leadDays = sqliteTable(
  "lead_days",
  {
    serviceId: integer("service_id")
      .notNull()
      .references(() => services.id),
    environment: text("environment").notNull(),
    day: integer("day").notNull(),
    /** A busy day's list is cut into parts of at most 256 values, so appending one stays cheap. */
    part: integer("part").notNull(),
    /** The values as 8-byte big-endian integers, one after another: read without parsing (leadValues). */
    ms: blob("ms", { mode: "buffer" }).notNull(),
    n: integer("n").notNull(),
  },
  (t) => [primaryKey({ columns: [t.serviceId, t.environment, t.day, t.part] }), index("lead_days_env_day_idx").on(t.environment, t.day, t.serviceId)],
);

/**
 * How many of each service's deployments to each environment succeeded on each UTC day (by finishedAt),
 * and how many of those were rework (unplanned or a rollback): the view counted_deployments (migration
 * 0016) counted per day, kept by triggers on deployments, so deployment frequency over a window reads one
 * row per service and whole day; only the partial days at a window's ends are counted from the
 * deployments themselves. A day with none has no row.
 */
export const deploymentDays = sqliteTable(
  "deployment_days",
  {
    serviceId: integer("service_id")
      .notNull()
      .references(() => services.id),
    environment: text("environment").notNull(),
    day: integer("day").notNull(),
    deployments: integer("deployments").notNull(),
    rework: integer("rework").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.serviceId, t.environment, t.day] }),
    // Covering for all services' days in a window.
    index("deployment_days_env_day_idx").on(t.environment, t.day, t.serviceId, t.deployments, t.rework),
  ],
);

/**
 * The successful deployments that are failed changes (flagged, rolled back by a successful deployment, or
 * blamed by an incident), with the evidence their recovery is worked out from: the earliest successful
 * rollback, and how many incidents blame them, how many are open, when the last was resolved: the view
 * failed_change_evidence (migration 0016) kept by triggers on deployments and incidents, so the failed
 * changes of a window are one indexed range instead of a join of every deployment in it with every
 * rollback and incident.
 */
export const failedChanges = sqliteTable(
  "failed_changes",
  {
    deploymentId: integer("deployment_id")
      .primaryKey()
      .references(() => deployments.id),
    serviceId: integer("service_id")
      .notNull()
      .references(() => services.id),
    environment: text("environment").notNull(),
    finishedAt: integer("finished_at").notNull(),
    changeFailed: integer("change_failed", { mode: "boolean" }).notNull(),
    rollbackAt: integer("rollback_at"),
    incidents: integer("incidents").notNull(),
    openIncidents: integer("open_incidents").notNull(),
    incidentsResolvedAt: integer("incidents_resolved_at"),
  },
  (t) => [
    index("failed_changes_env_finished_idx").on(t.environment, t.finishedAt, t.serviceId),
    index("failed_changes_service_env_finished_idx").on(t.serviceId, t.environment, t.finishedAt),
  ],
);

/** A push to a branch of a service's repository, as GitHub or GitLab reported it. */
export const pushes = sqliteTable(
  "pushes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    serviceId: integer("service_id")
      .notNull()
      .references(() => services.id),
    ref: text("ref").notNull(),
    beforeSha: text("before_sha"),
    afterSha: text("after_sha").notNull(),
    forced: integer("forced", { mode: "boolean" }).notNull().default(false),
    commitCount: integer("commit_count").notNull(),
    source: text("source").notNull(),
    at: integer("at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("pushes_service_at_idx").on(t.serviceId, t.at)],
);
