import { z } from "zod";
import type { Database, Queryable } from "@/db/database";
import { countedDeploymentsPage, countIncidents, failedChangesPage, leadTimePage, restorePage, type Keyset, type Page, type Seek } from "@/db/queries/metric-rows";
import type { MetricScope } from "@/db/queries/metrics";
import type { Drilldown } from "./links";
import { computeMetrics } from "./metrics";
import type { MetricsQuery } from "./query";
import { MAX_RECORD_ID } from "@/lib/whole-number";

export type CellFormat = "text" | "time" | "duration" | "yes" | "deployment" | "incidents";
export type Column = { key: string; label: string; format: CellFormat };
export type Row = Record<string, string | number | null>;
/** What a drill-down is: its title, what it counts and its columns, for the page and the CSV export alike. */
export type DrilldownHead = { title: string; explains: string; columns: Column[] };
export type DrilldownTable = DrilldownHead & { rows: Row[] };
/** One page of a drill-down, with the cursors of the pages either side (null: there is none). */
export type DrilldownPage = DrilldownTable & { newer: string | null; older: string | null };

/** Rows on one page of a drill-down. */
export const DRILLDOWN_PAGE_SIZE = 50;
/** Rows read per query while a CSV export streams. */
export const CSV_BATCH_ROWS = 1000;

/**
 * A page cursor as it travels in the URL: the time (ms since the epoch) and id of the row the page
 * continues from, as `<ms>.<id>`: plain to read, but only ever made by the page itself.
 */
export function encodeCursor(key: Keyset): string {
  return `${key.at}.${key.id}`;
}

const CURSOR_PROBLEM = "must be a page cursor as the page links give it (<ms>.<id>, e.g. 1767225600000.42)";

// An id past any record's (PostgreSQL refuses it as a parameter) is no cursor a page gave either.
const cursor = () =>
  z
    .string()
    .trim()
    .regex(/^-?\d{1,15}\.\d{1,10}$/, CURSOR_PROBLEM)
    .refine((v) => Number(v.split(".")[1]) <= MAX_RECORD_ID, CURSOR_PROBLEM)
    .transform((v): Keyset => {
      const [at, id] = v.split(".");
      return { at: Number(at), id: Number(id) };
    });

/** Which page of a drill-down: `after` (older rows) or `before` (newer rows) a cursor, or neither for the first. */
export const drilldownPageSchema = z
  .object({ after: cursor().optional(), before: cursor().optional() })
  .refine((p) => !(p.after && p.before), { path: ["after"], message: "and before cannot both be given" });
export type DrilldownPageRequest = z.output<typeof drilldownPageSchema>;

const seconds = (from: number | null, to: number | null) => (from === null || to === null ? null : (to - from) / 1000);

const scopeOf = (query: MetricsQuery): MetricScope => ({
  from: query.from,
  to: query.to,
  environment: query.environment,
  service: query.service,
  team: query.team,
  services: query.services,
});

type Source = { head: DrilldownHead; page: (q: Queryable, scope: MetricScope, seek: Seek) => Promise<Page<Row>> };

const mapped = async <T, R extends Row>(page: Promise<Page<T>>, row: (r: T) => R): Promise<Page<R>> => {
  const p = await page;
  return { ...p, rows: p.rows.map(row) };
};

const DEPLOYMENT_COLUMNS: Column[] = [
  { key: "id", label: "Deployment", format: "deployment" },
  { key: "service", label: "Service", format: "text" },
  { key: "version", label: "Version", format: "text" },
  { key: "finishedAt", label: "Finished", format: "time" },
  { key: "failed", label: "Failed change", format: "yes" },
  { key: "unplanned", label: "Unplanned", format: "yes" },
  { key: "rollbackOfId", label: "Rolls back", format: "deployment" },
];

/** The rows behind each figure, described for the page and the CSV export alike. */
function source(kind: Drilldown): Source {
  switch (kind) {
    case "deployments":
    case "rework":
      return {
        head: {
          title: kind === "deployments" ? "Deployments counted" : "Rework: unplanned deployments and rollbacks",
          explains:
            kind === "deployments"
              ? "Successful deployments in scope that finished inside the window: deployment frequency counts these, and they are the denominator of change failure and rework rates."
              : "The counted deployments that were unplanned (hotfixes) or rolled another deployment back.",
          columns: DEPLOYMENT_COLUMNS,
        },
        page: (q, scope, seek) => mapped(countedDeploymentsPage(q, scope, kind === "rework", seek), (r) => ({ ...r })),
      };
    case "lead-time":
      return {
        head: {
          title: "Commits and their lead times",
          explains: "Each commit counted once, delivered by the earliest successful deployment in scope that lists it; lead time runs from the commit to that deployment finishing.",
          columns: [
            { key: "sha", label: "Commit", format: "text" },
            { key: "message", label: "Message", format: "text" },
            { key: "service", label: "Service", format: "text" },
            { key: "committedAt", label: "Committed", format: "time" },
            { key: "deploymentId", label: "Delivered by", format: "deployment" },
            { key: "deliveredAt", label: "Delivered", format: "time" },
            { key: "seconds", label: "Lead time", format: "duration" },
          ],
        },
        page: (q, scope, seek) => mapped(leadTimePage(q, scope, seek), ({ commitId: _, ...r }) => ({ ...r, sha: r.sha.slice(0, 12) })),
      };
    case "failures":
      return {
        head: {
          title: "Failed changes and their recovery",
          explains:
            "Counted deployments that an incident blames, that a successful deployment rolled back, or that were marked as failed; recovered at the earliest of the rollback and the resolution of all their incidents, else (with neither) at the next successful deployment.",
          columns: [
            { key: "id", label: "Deployment", format: "deployment" },
            { key: "service", label: "Service", format: "text" },
            { key: "version", label: "Version", format: "text" },
            { key: "finishedAt", label: "Finished", format: "time" },
            { key: "rollbackId", label: "Rolled back by", format: "deployment" },
            { key: "incidentIds", label: "Incidents", format: "incidents" },
            { key: "changeFailed", label: "Marked failed", format: "yes" },
            { key: "rule", label: "Recovered by", format: "text" },
            { key: "recoveredAt", label: "Recovered", format: "time" },
            { key: "seconds", label: "Recovery time", format: "duration" },
          ],
        },
        page: (q, scope, seek) => mapped(failedChangesPage(q, scope, seek), (r) => ({ ...r, seconds: seconds(r.finishedAt, r.recoveredAt) })),
      };
    case "incidents":
      return {
        head: {
          title: "Incidents started in the window",
          explains: "Time to restore is the median from start to resolution of the resolved ones; time to acknowledge the median from start to acknowledgement.",
          columns: [
            { key: "id", label: "Incident", format: "incidents" },
            { key: "title", label: "Title", format: "text" },
            { key: "service", label: "Service", format: "text" },
            { key: "severity", label: "Severity", format: "text" },
            { key: "startedAt", label: "Started", format: "time" },
            { key: "ackSeconds", label: "To acknowledge", format: "duration" },
            { key: "restoreSeconds", label: "To restore", format: "duration" },
          ],
        },
        page: (q, scope, seek) =>
          mapped(restorePage(q, scope, seek), (r) => ({ ...r, ackSeconds: seconds(r.startedAt, r.acknowledgedAt), restoreSeconds: seconds(r.startedAt, r.resolvedAt) })),
      };
  }
}

export function describeDrilldown(kind: Drilldown): DrilldownHead {
  return source(kind).head;
}

/** One page of the rows behind a figure, in the list's order, read from the indexes (never the whole window). */
export async function loadDrilldownPage(
  q: Queryable,
  kind: Drilldown,
  query: MetricsQuery,
  request: DrilldownPageRequest = {},
  limit = DRILLDOWN_PAGE_SIZE,
): Promise<DrilldownPage> {
  const { head, page } = source(kind);
  const p = await page(q, scopeOf(query), { after: request.after, before: request.before, limit });
  return { ...head, rows: p.rows, newer: p.newer && encodeCursor(p.newer), older: p.older && encodeCursor(p.older) };
}

/** Every row behind a figure, `batch` rows per query, in the list's order: what a CSV export streams. */
export async function* drilldownBatches(q: Queryable, kind: Drilldown, query: MetricsQuery, batch = CSV_BATCH_ROWS): AsyncGenerator<Row[]> {
  const { page } = source(kind);
  const scope = scopeOf(query);
  let after: Keyset | undefined;
  do {
    const p = await page(q, scope, { after, limit: batch });
    if (p.rows.length) yield p.rows;
    after = p.older ?? undefined;
  } while (after);
}

/** Every row behind a figure at once; for tests and small windows (pages and exports go through loadDrilldownPage and drilldownBatches). */
export async function loadDrilldown(q: Queryable, kind: Drilldown, query: MetricsQuery): Promise<DrilldownTable> {
  const rows: Row[] = [];
  for await (const batch of drilldownBatches(q, kind, query)) rows.push(...batch);
  return { ...describeDrilldown(kind), rows };
}

/**
 * How many rows a drill-down has: the figure the overview shows, from the same cached report (so
 * counting costs nothing once the overview has been seen); incidents, which no figure counts all of,
 * are counted from the index.
 */
export async function drilldownTotal(db: Database, kind: Drilldown, query: MetricsQuery): Promise<number> {
  if (kind === "incidents") return countIncidents(db.read, scopeOf(query));
  const metrics = await computeMetrics(db, query);
  switch (kind) {
    case "deployments":
      return metrics.deploymentFrequency.deployments;
    case "rework":
      return metrics.reworkRate.unplanned;
    case "lead-time":
      return metrics.leadTime.changes;
    case "failures":
      return metrics.changeFailureRate.failed;
  }
}
