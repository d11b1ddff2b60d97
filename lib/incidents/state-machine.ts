import type { IncidentStatus } from "@/db/schema";

export const INCIDENT_FLOW: readonly IncidentStatus[] = ["investigating", "identified", "monitoring", "resolved"];

/**
 * investigating → identified → monitoring → resolved, any step forward or back among the open states
 * (a fix that did not hold goes back to identified); a resolved incident only reopens to investigating.
 * Returns why a move is refused, or null when it is allowed.
 */
export function transitionProblem(from: IncidentStatus, to: IncidentStatus): string | null {
  if (from === to) return `the incident is already ${to}`;
  if (from === "resolved" && to !== "investigating") return "a resolved incident must be reopened (back to investigating) first";
  return null;
}

/** The moves a person can make from a status, in the order the buttons show them. */
export function nextStatuses(from: IncidentStatus): IncidentStatus[] {
  return INCIDENT_FLOW.filter((to) => transitionProblem(from, to) === null);
}
