import type { ChangeRequest, ChangeStatus } from "@/db/schema";
import { formatDateTime, SERVER_DATE_CONTEXT } from "@/lib/format";

export type ChangeType = "standard" | "normal" | "emergency";

/**
 * Where a change request stands once submitted: standard changes are pre-approved; normal ones wait
 * for approval; emergency ones may be implemented at once but stay flagged until approved afterwards.
 */
export function statusOnSubmit(type: ChangeType): { status: ChangeStatus; awaitingRetroactiveApproval: boolean } {
  if (type === "standard") return { status: "approved", awaitingRetroactiveApproval: false };
  if (type === "emergency") return { status: "pending_approval", awaitingRetroactiveApproval: true };
  return { status: "pending_approval", awaitingRetroactiveApproval: false };
}

/** Approvals a change needs: two different approvers for a high-risk normal change, else one. */
export function requiredApprovals(change: Pick<ChangeRequest, "type" | "risk">): number {
  if (change.type === "standard") return 0;
  return change.type === "normal" && change.risk === "high" ? 2 : 1;
}

export type Freeze = { name: string; serviceId: number | null; startsAt: Date; endsAt: Date };
export type Decision = { approverId: string; decision: "approved" | "rejected" };
export type DecisionOutcome = { status: ChangeStatus; awaitingRetroactiveApproval: boolean; approvals: number };

/** A refusal a person can act on; the policy fails closed. */
export class PolicyError extends Error {
  override name = "PolicyError";
}

/** A message made on the server cannot know the reader's zone: it names UTC, in the UI's one format. */
const fmt = (d: Date) => formatDateTime(d, SERVER_DATE_CONTEXT, { zone: true });

/** The freeze that blocks approving a normal change, if any: one overlapping its planned window, global or for its service. */
export function blockingFreeze(change: Pick<ChangeRequest, "type" | "serviceId" | "plannedStart" | "plannedEnd">, freezes: Freeze[]): Freeze | undefined {
  if (change.type !== "normal" || !change.plannedStart || !change.plannedEnd) return undefined;
  return freezes.find((f) => (f.serviceId === null || f.serviceId === change.serviceId) && f.startsAt < change.plannedEnd! && change.plannedStart! < f.endsAt);
}

/**
 * Applies one approver's decision to a change, given the decisions already made. Nobody decides their
 * own change (admins included), nobody decides twice, any rejection rejects, and a freeze overlapping
 * a normal change's window blocks its approval, naming the freeze and when it ends.
 */
export function decide(
  change: Pick<ChangeRequest, "type" | "risk" | "status" | "serviceId" | "plannedStart" | "plannedEnd" | "requesterId" | "awaitingRetroactiveApproval">,
  previous: Decision[],
  decision: Decision,
  freezes: Freeze[],
): DecisionOutcome {
  const retroactive = change.type === "emergency" && change.awaitingRetroactiveApproval && (change.status === "implemented" || change.status === "failed");
  if (change.status !== "pending_approval" && !retroactive) throw new PolicyError(`This change is ${change.status.replace("_", " ")}; only changes pending approval can be decided.`);
  if (change.requesterId !== null && change.requesterId === decision.approverId) throw new PolicyError("You cannot decide your own change request; another approver must.");
  if (previous.some((p) => p.approverId === decision.approverId)) throw new PolicyError("You have already decided this change request.");
  if (decision.decision === "rejected") {
    return { status: retroactive ? change.status : "rejected", awaitingRetroactiveApproval: false, approvals: previous.length };
  }
  const freeze = blockingFreeze(change, freezes);
  if (freeze) throw new PolicyError(`Approval is blocked by the freeze "${freeze.name}" until ${fmt(freeze.endsAt)}: the planned window overlaps it.`);
  const approvals = previous.filter((p) => p.decision === "approved").length + 1;
  if (approvals < requiredApprovals(change)) return { status: change.status, awaitingRetroactiveApproval: change.awaitingRetroactiveApproval, approvals };
  return { status: retroactive ? change.status : "approved", awaitingRetroactiveApproval: false, approvals };
}

/**
 * What a deployment that names a change request does to it: an approved change (or an emergency one)
 * becomes implemented or failed with it; a retry after a failure can still implement it; naming a
 * change that was never approved (draft, pending, rejected, cancelled) breaks policy.
 */
export function onDeployment(change: Pick<ChangeRequest, "status" | "type">, deploymentStatus: string): { status: ChangeStatus | null; violation: boolean } {
  const open = change.status === "approved" || (change.type === "emergency" && change.status === "pending_approval");
  const done = change.status === "implemented" || change.status === "failed";
  if (!open && !done) return { status: null, violation: true };
  if (deploymentStatus === "success" && change.status !== "implemented") return { status: "implemented", violation: false };
  if (deploymentStatus === "failure" && open) return { status: "failed", violation: false };
  return { status: null, violation: false };
}

/** Only changes not yet implemented can be cancelled. */
export function canCancel(status: ChangeStatus): boolean {
  return status === "draft" || status === "pending_approval" || status === "approved";
}
