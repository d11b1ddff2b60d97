import type { ChangeStatus } from "@/db/schema";

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
