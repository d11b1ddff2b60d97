import type { Queryable } from "@/db/database";
import { countedDeployments, failedChangeRows, leadTimeRows, restoreRows } from "@/db/queries/metric-rows";
import type { Drilldown } from "./links";
import type { MetricsQuery } from "./query";

export type CellFormat = "text" | "time" | "duration" | "yes" | "deployment" | "incidents";
export type Column = { key: string; label: string; format: CellFormat };
export type Row = Record<string, string | number | null>;
export type DrilldownTable = { title: string; explains: string; columns: Column[]; rows: Row[] };

const seconds = (from: number | null, to: number | null) => (from === null || to === null ? null : (to - from) / 1000);

/** The rows behind a figure, described for the page and the CSV export alike. */
export async function loadDrilldown(q: Queryable, kind: Drilldown, query: MetricsQuery): Promise<DrilldownTable> {
  const scope = { from: query.from, to: query.to, environment: query.environment, service: query.service, team: query.team, services: query.services };
  switch (kind) {
    case "deployments":
    case "rework": {
      const rows = await countedDeployments(q, scope, kind === "rework");
      return {
        title: kind === "deployments" ? "Deployments counted" : "Rework: unplanned deployments and rollbacks",
        explains:
          kind === "deployments"
            ? "Successful deployments in scope that finished inside the window: deployment frequency counts these, and they are the denominator of change failure and rework rates."
            : "The counted deployments that were unplanned (hotfixes) or rolled another deployment back.",
        columns: [
          { key: "id", label: "Deployment", format: "deployment" },
          { key: "service", label: "Service", format: "text" },
          { key: "version", label: "Version", format: "text" },
          { key: "finishedAt", label: "Finished", format: "time" },
          { key: "failed", label: "Failed change", format: "yes" },
          { key: "unplanned", label: "Unplanned", format: "yes" },
          { key: "rollbackOfId", label: "Rolls back", format: "deployment" },
        ],
        rows,
      };
    }
    case "lead-time":
      return {
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
        rows: (await leadTimeRows(q, scope)).map((r) => ({ ...r, sha: r.sha.slice(0, 12) })),
      };
    case "failures":
      return {
        title: "Failed changes and their recovery",
        explains: "Counted deployments that an incident blames, that a successful deployment rolled back, or that were marked as failed; recovered at the earliest of the rollback and the resolution of all their incidents, else (with neither) at the next successful deployment.",
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
        rows: (await failedChangeRows(q, scope)).map((r) => ({ ...r, seconds: seconds(r.finishedAt, r.recoveredAt) })),
      };
    case "incidents":
      return {
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
        rows: (await restoreRows(q, scope)).map((r) => ({ ...r, ackSeconds: seconds(r.startedAt, r.acknowledgedAt), restoreSeconds: seconds(r.startedAt, r.resolvedAt) })),
      };
  }
}
