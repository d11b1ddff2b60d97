import { sql } from "drizzle-orm";
import { pgTable, text, integer, bigint, boolean, doublePrecision, index, uniqueIndex, primaryKey, type AnyPgColumn } from "drizzle-orm/pg-core";
import { DEPLOYMENT_STATUSES } from "../../schema/deployments";
import { services } from "./services";
import { changeRequests } from "./changes";
import { bytes, timestampMs } from "./columns";

export { DEPLOYMENT_STATUSES, type DeploymentStatus } from "../../schema/deployments";

/* What each table and index is for: db/schema/deployments.ts. Plain epoch-ms columns (no Date codec) are bigint numbers. */

export const deployments = pgTable(
  "deployments",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    serviceId: integer("service_id")
      .notNull()
      .references(() => services.id),
    environment: text("environment").notNull().default("production"),
    version: text("version"),
    sha: text("sha"),
    status: text("status", { enum: DEPLOYMENT_STATUSES }).notNull(),
    startedAt: timestampMs("started_at"),
    finishedAt: timestampMs("finished_at"),
    source: text("source").notNull(),
    externalId: text("external_id"),
    rollbackOfId: integer("rollback_of_id").references((): AnyPgColumn => deployments.id),
    unplanned: boolean("unplanned").notNull().default(false),
    changeFailed: boolean("change_failed").notNull().default(false),
    changeRequestId: integer("change_request_id").references((): AnyPgColumn => changeRequests.id),
    deployedBy: text("deployed_by"),
    url: text("url"),
    createdAt: timestampMs("created_at").notNull(),
    updatedAt: timestampMs("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("deployments_source_external_idx").on(t.source, t.externalId),
    index("deployments_finished_idx").on(t.finishedAt),
    index("deployments_service_env_finished_idx").on(t.serviceId, t.environment, t.finishedAt, t.status, t.changeFailed, t.unplanned, t.rollbackOfId),
    index("deployments_rollback_of_idx").on(t.rollbackOfId, t.status, t.finishedAt),
    index("deployments_delivered_idx").on(t.environment, t.status, t.finishedAt, t.serviceId, t.changeFailed, t.unplanned, t.rollbackOfId),
    index("deployments_change_request_idx").on(t.changeRequestId),
    index("deployments_service_sha_idx").on(t.serviceId, t.sha),
    index("deployments_recent_idx").on(sql`coalesce(${t.finishedAt}, ${t.startedAt}, ${t.createdAt})`, t.id),
    index("deployments_service_recent_idx").on(t.serviceId, sql`coalesce(${t.finishedAt}, ${t.startedAt}, ${t.createdAt})`, t.id),
  ],
);
export type Deployment = typeof deployments.$inferSelect;
export type NewDeployment = typeof deployments.$inferInsert;

export const commits = pgTable(
  "commits",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    serviceId: integer("service_id")
      .notNull()
      .references(() => services.id),
    sha: text("sha").notNull(),
    timestamp: timestampMs("timestamp").notNull(),
    message: text("message"),
    author: text("author"),
    parentSha: text("parent_sha"),
  },
  (t) => [uniqueIndex("commits_service_sha_idx").on(t.serviceId, t.sha)],
);
export type Commit = typeof commits.$inferSelect;

export const deploymentCommits = pgTable(
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

export const commitDeliveries = pgTable(
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
    deliveredAt: bigint("delivered_at", { mode: "number" }).notNull(),
    seconds: doublePrecision("seconds").notNull(),
    day: integer("day").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.commitId, t.environment] }),
    index("commit_deliveries_env_at_idx").on(t.environment, t.deliveredAt, t.serviceId, t.seconds),
    index("commit_deliveries_service_env_at_idx").on(t.serviceId, t.environment, t.deliveredAt, t.seconds),
    index("commit_deliveries_deployment_idx").on(t.deploymentId),
  ],
);

export const leadDays = pgTable(
  "lead_days",
  {
    serviceId: integer("service_id")
      .notNull()
      .references(() => services.id),
    environment: text("environment").notNull(),
    day: integer("day").notNull(),
    part: integer("part").notNull(),
    ms: bytes("ms").notNull(),
    n: integer("n").notNull(),
  },
  (t) => [primaryKey({ columns: [t.serviceId, t.environment, t.day, t.part] }), index("lead_days_env_day_idx").on(t.environment, t.day, t.serviceId)],
);

export const deploymentDays = pgTable(
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
    index("deployment_days_env_day_idx").on(t.environment, t.day, t.serviceId, t.deployments, t.rework),
  ],
);

export const failedChanges = pgTable(
  "failed_changes",
  {
    // SQLite's integer primary key is the rowid, filled in when omitted (so optional on insert there too);
    // the triggers always name the deployment.
    deploymentId: integer("deployment_id")
      .primaryKey()
      .generatedByDefaultAsIdentity()
      .references(() => deployments.id),
    serviceId: integer("service_id")
      .notNull()
      .references(() => services.id),
    environment: text("environment").notNull(),
    finishedAt: bigint("finished_at", { mode: "number" }).notNull(),
    changeFailed: boolean("change_failed").notNull(),
    rollbackAt: bigint("rollback_at", { mode: "number" }),
    incidents: integer("incidents").notNull(),
    openIncidents: integer("open_incidents").notNull(),
    incidentsResolvedAt: bigint("incidents_resolved_at", { mode: "number" }),
  },
  (t) => [
    index("failed_changes_env_finished_idx").on(t.environment, t.finishedAt, t.serviceId),
    index("failed_changes_service_env_finished_idx").on(t.serviceId, t.environment, t.finishedAt),
  ],
);

export const pushes = pgTable(
  "pushes",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    serviceId: integer("service_id")
      .notNull()
      .references(() => services.id),
    ref: text("ref").notNull(),
    beforeSha: text("before_sha"),
    afterSha: text("after_sha").notNull(),
    forced: boolean("forced").notNull().default(false),
    commitCount: integer("commit_count").notNull(),
    source: text("source").notNull(),
    at: timestampMs("at").notNull(),
  },
  (t) => [index("pushes_service_at_idx").on(t.serviceId, t.at)],
);
