import type { ChangeRequest } from "@/db/schema";
import { isoOrNull } from "@/lib/time";

/** A change request as the API returns it. */
export function changeJson(c: ChangeRequest, service: string) {
  return {
    id: c.id,
    title: c.title,
    service,
    description: c.description,
    rollbackPlan: c.rollbackPlan,
    type: c.type,
    risk: c.risk,
    status: c.status,
    awaitingRetroactiveApproval: c.awaitingRetroactiveApproval,
    plannedStart: isoOrNull(c.plannedStart),
    plannedEnd: isoOrNull(c.plannedEnd),
    createdAt: c.createdAt.toISOString(),
  };
}
