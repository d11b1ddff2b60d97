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

/**
 * The move a responder most likely makes next, which the incident page offers as its primary button:
 * acknowledge a new incident first, then walk the flow one step at a time (identified → monitoring →
 * resolved). Jumping straight to "resolved" stays possible, just not the button that draws the eye.
 * A resolved incident has none: reopening is the exception.
 */
export function primaryStep(incident: { status: IncidentStatus; acknowledgedAt: Date | null }): "acknowledge" | IncidentStatus | null {
  if (incident.status === "resolved") return null;
  if (!incident.acknowledgedAt) return "acknowledge";
  return INCIDENT_FLOW[INCIDENT_FLOW.indexOf(incident.status) + 1] ?? null;
}
