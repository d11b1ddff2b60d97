import type { ChangeRequest, ChangeStatus, DeploymentStatus } from "@/db/schema";
import type { Freeze } from "./policy";

/*
 * The rule a deployment answers to about change requests, in one pure function: recording a deployment
 * (the API, its fast path, the form, webhooks) calls it, and so will the gate endpoint. Reason codes
 * are CONTRACT.md's, "POST /api/v1/gate".
 */

export type GateReasonCode = "change_required" | "change_not_found" | "change_not_approved" | "change_other_service" | "change_used" | "change_outside_window" | "freeze";
export type GateReason = { code: GateReasonCode; message: string };

export type GateChange = Pick<ChangeRequest, "id" | "serviceId" | "type" | "status" | "plannedStart" | "plannedEnd">;

export type DeploymentFacts = {
  service: { id: number; slug: string; requiresChange: boolean };
  /** The change request the deployment names: its id, and the change when one has that id. */
  named: { id: number; change: GateChange | undefined } | undefined;
  /** A replay of a deployment that already named this change: it reports that change again, not a second use of it. */
  namedBefore: boolean;
  /** When the deployment runs: from its start to its finish (either one alone, or now, when it has neither). */
  from: Date;
  to: Date;
  status: DeploymentStatus;
  /** Freezes that overlap [from, to]; the rule picks those covering the service. */
  freezes: Freeze[];
};

/** Every reason the deployment breaks the rule (empty: it may go), and what it does to its change. */
export type DeploymentVerdict = { reasons: GateReason[]; changeStatus: ChangeStatus | null };

const fmt = (d: Date) => d.toISOString().replace("T", " ").slice(0, 16) + " UTC";
const words = (status: string) => status.replace("_", " ");

/**
 * A deployment may go when it names an approved change of its own service that no other deployment has
 * implemented (an emergency change counts as approved until decided, and a failed change may be tried
 * again), runs inside a normal change's planned window, and no freeze covers its service then (unless
 * the change is an emergency). A service that requires changes must name one; elsewhere naming none
 * breaks nothing. The change becomes implemented or failed with the deployment only when it is the
 * deployment's to implement: its own service's, approved, not used before.
 */
export function assessDeployment(facts: DeploymentFacts): DeploymentVerdict {
  const { service, named, from, to } = facts;
  const reasons: GateReason[] = [];
  const change = named?.change;
  if (!named) {
    if (service.requiresChange) reasons.push({ code: "change_required", message: `${service.slug} deploys only with an approved change request, and this deployment names none` });
  } else if (!change) {
    reasons.push({ code: "change_not_found", message: `no change request has id ${named.id}` });
  } else {
    const open = change.status === "approved" || change.status === "failed" || (change.type === "emergency" && change.status === "pending_approval");
    if (change.serviceId !== service.id) reasons.push({ code: "change_other_service", message: `change request ${change.id} belongs to another service, not ${service.slug}` });
    if (change.status === "implemented" && !facts.namedBefore) reasons.push({ code: "change_used", message: `change request ${change.id} was already implemented; a new deployment needs a new change request` });
    else if (!open && change.status !== "implemented") reasons.push({ code: "change_not_approved", message: `change request ${change.id} is ${words(change.status)}, not approved` });
    if (change.type === "normal" && change.plannedStart && change.plannedEnd && (from < change.plannedStart || to > change.plannedEnd)) {
      reasons.push({ code: "change_outside_window", message: `the deployment runs outside change request ${change.id}'s planned window, ${fmt(change.plannedStart)} to ${fmt(change.plannedEnd)}` });
    }
  }
  if ((service.requiresChange || change) && change?.type !== "emergency") {
    const freeze = facts.freezes.find((f) => (f.serviceId === null || f.serviceId === service.id) && f.startsAt <= to && from < f.endsAt);
    if (freeze) reasons.push({ code: "freeze", message: `the freeze "${freeze.name}" covers ${service.slug} until ${fmt(freeze.endsAt)}` });
  }
  return { reasons, changeStatus: change && itsOwn(reasons) ? nextStatus(change, facts.status) : null };
}

/** Only the deployment's own change moves with it: a timing fault (window, freeze) does not undo that it shipped. */
const itsOwn = (reasons: GateReason[]) => !reasons.some((r) => r.code === "change_other_service" || r.code === "change_used" || r.code === "change_not_approved");

function nextStatus(change: GateChange, deployment: DeploymentStatus): ChangeStatus | null {
  if (deployment === "success" && change.status !== "implemented") return "implemented";
  if (deployment === "failure" && change.status !== "implemented" && change.status !== "failed") return "failed";
  return null;
}
