import type { IncidentStatus } from "@/db/schema";

export type IncidentTimes = { status: IncidentStatus; startedAt: Date; acknowledgedAt: Date | null; resolvedAt: Date | null };

/**
 * The rules every incident keeps, on create and after every change: resolved exactly when it has a
 * resolution time, and started ≤ acknowledged ≤ resolved. Returns problems by field (empty when fine).
 */
export function incidentTimeProblems(t: IncidentTimes): Record<string, string> {
  const problems: Record<string, string> = {};
  if (t.status === "resolved" && !t.resolvedAt) problems.resolvedAt = "is required when status is resolved";
  if (t.status !== "resolved" && t.resolvedAt) problems.resolvedAt = "must be empty unless status is resolved";
  if (t.acknowledgedAt && t.acknowledgedAt < t.startedAt) problems.acknowledgedAt = "must not be before startedAt";
  const floor = t.acknowledgedAt ?? t.startedAt;
  if (t.resolvedAt && t.resolvedAt < floor) problems.resolvedAt = t.acknowledgedAt ? "must not be before acknowledgedAt" : "must not be before startedAt";
  return problems;
}
