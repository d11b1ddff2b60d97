import type { ChangeRow, DeploymentRow, IncidentRow } from "@/db/queries/lists";

export type ActivityItem = {
  key: string;
  kind: "deployment" | "incident" | "change";
  at: Date;
  service: string;
  summary: string;
  detail: string;
};

const DEPLOY_VERBS: Record<DeploymentRow["status"], string> = {
  queued: "queued",
  in_progress: "deploying",
  success: "deployed",
  failure: "failed to deploy",
  cancelled: "cancelled deploying",
};

/** Merges the newest rows of each kind into one newest-first feed. */
export function mergeActivity(
  deployments: DeploymentRow[],
  incidents: IncidentRow[],
  changes: ChangeRow[],
  limit: number,
): ActivityItem[] {
  const items: ActivityItem[] = [
    ...deployments.map((d) => ({
      key: `deployment-${d.id}`,
      kind: "deployment" as const,
      at: d.finishedAt ?? d.startedAt ?? new Date(0),
      service: d.serviceName,
      summary: `${d.serviceName} ${DEPLOY_VERBS[d.status]} ${d.version ?? ""}`.trim(),
      detail: [d.environment, d.rollbackOfId ? "rollback" : null, d.changeFailed ? "failed change" : null].filter(Boolean).join(" · "),
    })),
    ...incidents.map((i) => ({
      key: `incident-${i.id}`,
      kind: "incident" as const,
      at: i.resolvedAt ?? i.startedAt,
      service: i.serviceName,
      summary: `${i.severity} ${i.resolvedAt ? "resolved" : "declared"}: ${i.title}`,
      detail: i.status,
    })),
    ...changes.map((c) => ({
      key: `change-${c.id}`,
      kind: "change" as const,
      at: c.createdAt,
      service: c.serviceName,
      summary: `Change requested: ${c.title}`,
      detail: `${c.type} · ${c.risk} risk · ${c.status.replace(/_/g, " ")}`,
    })),
  ];
  return items.sort((a, b) => b.at.getTime() - a.at.getTime() || a.key.localeCompare(b.key)).slice(0, limit);
}

/** Groups a newest-first feed by UTC calendar day, keeping order. */
export function groupByDay(items: ActivityItem[]): { day: string; items: ActivityItem[] }[] {
  const groups: { day: string; items: ActivityItem[] }[] = [];
  for (const item of items) {
    const day = item.at.toISOString().slice(0, 10);
    const last = groups.at(-1);
    if (last?.day === day) last.items.push(item);
    else groups.push({ day, items: [item] });
  }
  return groups;
}
