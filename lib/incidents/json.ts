import type { Incident } from "@/db/schema";
import { isoOrNull } from "@/lib/time";

/** An incident as the API returns it. */
export function incidentJson(i: Incident, service: string) {
  return {
    id: i.id,
    title: i.title,
    service,
    severity: i.severity,
    status: i.status,
    startedAt: i.startedAt.toISOString(),
    acknowledgedAt: isoOrNull(i.acknowledgedAt),
    resolvedAt: isoOrNull(i.resolvedAt),
    causedBy: i.causedById,
    summary: i.summary,
    externalId: i.externalId,
    createdAt: i.createdAt.toISOString(),
    updatedAt: i.updatedAt.toISOString(),
  };
}
