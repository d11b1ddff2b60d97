import type { ChangeRequest, ChangeReuse, ChangeStatus, DeploymentStatus, Severity } from "@/db/schema";
import type { Freeze } from "./policy";
import { MINUTE_MS } from "@/lib/time";

/*
 * The rule a deployment answers to about change requests, in one pure function: the gate (POST
 * /api/v1/gate) asks it before a deployment starts, and recording a deployment (the API, its fast path,
 * the form, webhooks) asks it about what ran. Reason codes are CONTRACT.md's, "POST /api/v1/gate".
 */

export type GateReasonCode =
  | "change_required"
  | "change_not_found"
  | "change_not_approved"
  | "change_other_service"
  | "change_used"
  | "change_outside_window"
  | "freeze"
  | "open_incident";
export type GateReason = { code: GateReasonCode; message: string };

export type GateChange = Pick<ChangeRequest, "id" | "serviceId" | "type" | "status" | "plannedStart" | "plannedEnd">;
/** An incident that can hold deployments back: the rule picks the SEV1 and SEV2 ones open during the deployment. */
export type GateIncident = { id: number; severity: Severity; title: string; startedAt: Date; resolvedAt: Date | null };

/** What an admin sets on a service (PUT /api/v1/services/{slug}, the service's page). */
export type ServicePolicy = { id: number; slug: string; requireChange: string[]; changeToleranceMinutes: number; changeReuse: ChangeReuse };

export type DeploymentFacts = {
  service: ServicePolicy;
  environment: string;
  /** The change request the deployment names: its id, and the change when one has that id. */
  named: { id: number; change: GateChange | undefined } | undefined;
  /** A replay of a deployment that already named this change: it reports that change again, not a second use of it. */
  namedBefore: boolean;
  /**
   * The gate asks before a deployment starts, so freezes and incidents always hold it back; a recorded
   * deployment already ran, and is held to them only where it is gated (its environment requires a
   * change, or it names one), so reports of ungated work are not flagged.
   */
  asking: boolean;
  /** When the deployment runs: from its start to its finish (either one alone, or now, when it has neither). */
  from: Date;
  to: Date;
  status: DeploymentStatus;
  /** Freezes that overlap [from, to]; the rule picks those covering the service. */
  freezes: Freeze[];
  /** The service's incidents open at some moment of [from, to]. */
  incidents: GateIncident[];
};

/** Every reason the deployment breaks the rule (empty: it may go), and what it does to its change. */
export type DeploymentVerdict = { reasons: GateReason[]; changeStatus: ChangeStatus | null };

const fmt = (d: Date) => d.toISOString().replace("T", " ").slice(0, 16) + " UTC";
const words = (status: string) => status.replace("_", " ");

/** Whether deployments to the environment must name an approved change. */
export function requiresChange(service: Pick<ServicePolicy, "requireChange">, environment: string): boolean {
  return service.requireChange.includes(environment);
}

/**
 * Whether a deployment to the environment uses up its change (implements it). Where the service names
 * environments that require changes, those and only those: a staging deployment ahead of a gated
 * production one must not spend the change production needs. Where it names none, the default
 * environment, production, as before environments could be chosen.
 */
export function consumesChange(service: Pick<ServicePolicy, "requireChange">, environment: string): boolean {
  return service.requireChange.length ? requiresChange(service, environment) : environment === "production";
}

/**
 * A deployment may go when it names an approved change of its own service that is not used up (an
 * emergency change counts as approved until decided, and a failed change may be tried again), runs
 * inside a normal change's planned window widened by the service's tolerance, and no freeze covers its
 * service nor a SEV1/SEV2 incident of it is open then (unless its change is an emergency of its own it may use). An
 * environment that requires changes must name one; elsewhere naming none breaks nothing. A change is
 * used up once implemented by a deployment that consumes it, unless the service lets a change authorise
 * every deployment until it is closed (rejected or cancelled). The change becomes implemented or failed
 * with a consuming deployment only when it is the deployment's to implement: its own service's,
 * approved, not used before.
 */
export function assessDeployment(facts: DeploymentFacts): DeploymentVerdict {
  const { service, environment, named, from, to } = facts;
  const required = requiresChange(service, environment);
  const consumes = consumesChange(service, environment);
  const reasons: GateReason[] = [];
  const change = named?.change;
  if (!named) {
    if (required) reasons.push({ code: "change_required", message: `${service.slug} deploys to ${environment} only with an approved change request, and this deployment names none` });
  } else if (!change) {
    reasons.push({ code: "change_not_found", message: `no change request has id ${named.id}` });
  } else {
    const reusable = service.changeReuse === "until_closed" || !consumes || facts.namedBefore;
    const open = change.status === "approved" || change.status === "failed" || (change.type === "emergency" && change.status === "pending_approval") || (change.status === "implemented" && reusable);
    if (change.serviceId !== service.id) reasons.push({ code: "change_other_service", message: `change request ${change.id} belongs to another service, not ${service.slug}` });
    if (change.status === "implemented" && !reusable) reasons.push({ code: "change_used", message: `change request ${change.id} was already implemented; a new deployment needs a new change request` });
    else if (!open) reasons.push({ code: "change_not_approved", message: `change request ${change.id} is ${words(change.status)}, not approved` });
    const tolerance = service.changeToleranceMinutes * MINUTE_MS;
    if (change.type === "normal" && change.plannedStart && change.plannedEnd && (from.getTime() < change.plannedStart.getTime() - tolerance || to.getTime() > change.plannedEnd.getTime() + tolerance)) {
      const widened = tolerance ? `, widened by ${service.changeToleranceMinutes} minutes either side` : "";
      reasons.push({ code: "change_outside_window", message: `the deployment runs outside change request ${change.id}'s planned window, ${fmt(change.plannedStart)} to ${fmt(change.plannedEnd)}${widened}` });
    }
  }
  // Only an emergency change this deployment may use exempts it: another service's, or one rejected or used up, does not.
  const emergency = change?.type === "emergency" && itsOwn(reasons);
  if ((facts.asking || required || change) && !emergency) {
    const freeze = facts.freezes.find((f) => (f.serviceId === null || f.serviceId === service.id) && f.startsAt <= to && from < f.endsAt);
    if (freeze) reasons.push({ code: "freeze", message: `the freeze "${freeze.name}" covers ${service.slug} until ${fmt(freeze.endsAt)}` });
    const incident = facts.incidents.find((i) => (i.severity === "SEV1" || i.severity === "SEV2") && i.startedAt <= to && (i.resolvedAt === null || from < i.resolvedAt));
    if (incident) reasons.push({ code: "open_incident", message: `${incident.severity} incident ${incident.id} of ${service.slug} is open: ${incident.title}; only an emergency change may deploy now` });
  }
  return { reasons, changeStatus: change && consumes && itsOwn(reasons) ? nextStatus(change, facts.status) : null };
}

/** Only the deployment's own change moves with it: a timing fault (window, freeze, incident) does not undo that it shipped. */
const itsOwn = (reasons: GateReason[]) => !reasons.some((r) => r.code === "change_other_service" || r.code === "change_used" || r.code === "change_not_approved");

function nextStatus(change: GateChange, deployment: DeploymentStatus): ChangeStatus | null {
  if (deployment === "success" && change.status !== "implemented") return "implemented";
  if (deployment === "failure" && change.status !== "implemented" && change.status !== "failed") return "failed";
  return null;
}
