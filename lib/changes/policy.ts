import type { ChangeRequest, ChangeStatus, ChangeTemplate } from "@/db/schema";
import { formatDateTime, SERVER_DATE_CONTEXT } from "@/lib/format";

export type ChangeType = "standard" | "normal" | "emergency";

/** Why a decision is refused, as a code the UI words in its language (the API keeps the English message). */
export type Refusal =
  | { code: "notPending"; status: ChangeStatus }
  | { code: "ownChange" }
  | { code: "alreadyDecided" }
  | { code: "frozen"; freeze: string; until: Date };

/** A message made on the server cannot know the reader's zone: it names UTC, in the UI's one format. */
const fmt = (d: Date) => formatDateTime(d, SERVER_DATE_CONTEXT, { zone: true });

function refusalMessage(refusal: Refusal): string {
  switch (refusal.code) {
    case "notPending":
      return `This change is ${refusal.status.replace("_", " ")}; only changes pending approval can be decided.`;
    case "ownChange":
      return "You cannot decide your own change request; another approver must.";
    case "alreadyDecided":
      return "You have already decided this change request.";
    case "frozen":
      return `Approval is blocked by the freeze "${refusal.freeze}" until ${fmt(refusal.until)}: the planned window overlaps it.`;
  }
}

/** A refusal a person can act on; the policy fails closed. */
export class PolicyError extends Error {
  override name = "PolicyError";
  constructor(readonly refusal: Refusal) {
    super(refusalMessage(refusal));
  }
}

const RISK_ORDER = { low: 0, medium: 1, high: 2 } as const;

/** A catalog entry (change_templates) and the service it covers, or the team whose services it covers. */
export type StandardTemplate = Pick<ChangeTemplate, "title" | "serviceId" | "team" | "maxRisk"> & { serviceSlug: string | null };
/** The change being filed from it, with its service's slug and team. */
export type StandardCandidate = Pick<ChangeRequest, "serviceId" | "risk"> & { service: string; team: string | null };

/**
 * A standard change is approved on submission, so it must be one an admin approved in advance: filed
 * from an entry of the standard change catalog, for the entry's service (or a service of its team), at
 * no more than the entry's risk. Anything else is refused, naming the field to change; it may be filed
 * as a normal change.
 */
export function standardProblem(change: StandardCandidate, template: StandardTemplate | undefined): { field: "template" | "service" | "risk"; message: string } | null {
  if (!template) return { field: "template", message: "A standard change must be filed from the standard change catalog: name one of its templates, or file a normal change." };
  if (template.serviceId !== null && template.serviceId !== change.serviceId) {
    return { field: "service", message: `The standard change "${template.title}" covers ${template.serviceSlug}, not ${change.service}; file a normal change instead.` };
  }
  if (template.serviceId === null && template.team !== null && template.team !== change.team) {
    return { field: "service", message: `The standard change "${template.title}" covers the services of team ${template.team}, and ${change.service} is not one; file a normal change instead.` };
  }
  if (RISK_ORDER[change.risk] > RISK_ORDER[template.maxRisk]) {
    return { field: "risk", message: `The standard change "${template.title}" carries at most ${template.maxRisk} risk, not ${change.risk}; file a normal change instead.` };
  }
  return null;
}

/**
 * Where a change request stands once submitted: standard changes (within their template, see
 * standardProblem) are pre-approved; normal ones wait for approval; emergency ones may be implemented
 * at once but stay flagged until approved afterwards.
 */
export function statusOnSubmit(change: Pick<ChangeRequest, "type">): { status: ChangeStatus; awaitingRetroactiveApproval: boolean } {
  if (change.type === "standard") return { status: "approved", awaitingRetroactiveApproval: false };
  if (change.type === "emergency") return { status: "pending_approval", awaitingRetroactiveApproval: true };
  return { status: "pending_approval", awaitingRetroactiveApproval: false };
}

/**
 * Approvals a change needs, by risk: two different approvers for a high-risk change, else one. An
 * emergency change needs as many afterwards as a normal change of its risk needs beforehand.
 */
export function requiredApprovals(change: Pick<ChangeRequest, "type" | "risk">): number {
  if (change.type === "standard") return 0;
  return change.risk === "high" ? 2 : 1;
}

export type Freeze = { name: string; serviceId: number | null; startsAt: Date; endsAt: Date };
export type Decision = { approverId: string; decision: "approved" | "rejected" };
/** Where a decision leaves a change: `remaining` approvals are still needed before it counts as approved. */
export type DecisionOutcome = { status: ChangeStatus; awaitingRetroactiveApproval: boolean; approvals: number; remaining: number };

/** The freeze that blocks approving a normal change, if any: one overlapping its planned window, global or for its service. */
export function blockingFreeze(change: Pick<ChangeRequest, "type" | "serviceId" | "plannedStart" | "plannedEnd">, freezes: Freeze[]): Freeze | undefined {
  if (change.type !== "normal" || !change.plannedStart || !change.plannedEnd) return undefined;
  return freezes.find((f) => (f.serviceId === null || f.serviceId === change.serviceId) && f.startsAt < change.plannedEnd! && change.plannedStart! < f.endsAt);
}

/**
 * Whether a change waits for decisions: before implementation (pending approval), or afterwards (an
 * emergency change implemented, or failed, while still flagged). Anything else is decided for good.
 */
export function decisionStage(change: Pick<ChangeRequest, "type" | "status" | "awaitingRetroactiveApproval">): "before" | "retroactive" | null {
  if (change.status === "pending_approval") return "before";
  if (change.type === "emergency" && change.awaitingRetroactiveApproval && (change.status === "implemented" || change.status === "failed")) return "retroactive";
  return null;
}

/**
 * Applies one approver's decision to a change, given the decisions already made. Nobody decides their
 * own change (admins included), nobody decides twice, any rejection rejects, and a freeze overlapping
 * a normal change's window blocks its approval, naming the freeze and when it ends. A change rejected
 * after it was implemented ends rejected and keeps its flag: what was shipped needs review.
 */
export function decide(
  change: Pick<ChangeRequest, "type" | "risk" | "status" | "serviceId" | "plannedStart" | "plannedEnd" | "requesterId" | "awaitingRetroactiveApproval">,
  previous: Decision[],
  decision: Decision,
  freezes: Freeze[],
): DecisionOutcome {
  const stage = decisionStage(change);
  if (!stage) throw new PolicyError({ code: "notPending", status: change.status });
  if (change.requesterId !== null && change.requesterId === decision.approverId) throw new PolicyError({ code: "ownChange" });
  if (previous.some((p) => p.approverId === decision.approverId)) throw new PolicyError({ code: "alreadyDecided" });
  const approved = previous.filter((p) => p.decision === "approved").length;
  if (decision.decision === "rejected") {
    return { status: "rejected", awaitingRetroactiveApproval: stage === "retroactive", approvals: approved, remaining: 0 };
  }
  const freeze = blockingFreeze(change, freezes);
  if (freeze) throw new PolicyError({ code: "frozen", freeze: freeze.name, until: freeze.endsAt });
  const approvals = approved + 1;
  const remaining = Math.max(0, requiredApprovals(change) - approvals);
  if (remaining > 0) return { status: change.status, awaitingRetroactiveApproval: change.awaitingRetroactiveApproval, approvals, remaining };
  return { status: stage === "retroactive" ? change.status : "approved", awaitingRetroactiveApproval: false, approvals, remaining };
}

/**
 * A change's flag: an emergency change carried out before approval waits for it; one rejected
 * afterwards keeps the flag, because what shipped was refused and needs review. The UI words it.
 */
export function changeFlag(change: Pick<ChangeRequest, "status" | "awaitingRetroactiveApproval">): "awaitingRetroactive" | "rejectedAfterImplementation" | null {
  if (!change.awaitingRetroactiveApproval) return null;
  return change.status === "rejected" ? "rejectedAfterImplementation" : "awaitingRetroactive";
}

export type DecisionNotice = "rejected" | "rejectedRetroactively" | "approvalRecorded" | "approved" | "approvedRetroactively";

/** What the approver is told once their decision is recorded, as a code the UI words in its language. */
export function decisionNotice(before: Pick<ChangeRequest, "type" | "status" | "awaitingRetroactiveApproval">, outcome: DecisionOutcome): DecisionNotice {
  const retroactive = decisionStage(before) === "retroactive";
  if (outcome.status === "rejected") return retroactive ? "rejectedRetroactively" : "rejected";
  if (outcome.remaining > 0) return "approvalRecorded";
  return retroactive ? "approvedRetroactively" : "approved";
}

/** Only changes not yet implemented can be cancelled. */
export function canCancel(status: ChangeStatus): boolean {
  return status === "draft" || status === "pending_approval" || status === "approved";
}

/**
 * Where a cancelled change ends. It was never carried out, so there is nothing to approve afterwards: an
 * emergency change loses its flag, as one rejected before it was implemented does, and leaves no badge
 * that no one could ever clear.
 */
export function statusOnCancel(): { status: ChangeStatus; awaitingRetroactiveApproval: boolean } {
  return { status: "cancelled", awaitingRetroactiveApproval: false };
}
