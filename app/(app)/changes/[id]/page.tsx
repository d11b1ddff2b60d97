/* eslint-disable no-restricted-syntax, react/jsx-no-literals -- issue 19: this file's UI text is not yet in the message catalogs */
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getDatabase } from "@/db/client";
import { findChange, listApprovals } from "@/db/queries/changes";
import { serviceSlugOf } from "@/db/queries/incidents";
import { requirePageUser } from "@/app/_http/session";
import { userCan } from "@/lib/auth/roles";
import { canCancel, decisionStage, flagLabel } from "@/lib/changes/policy";
import { cancelChangeAction, outcomeAction, submitDraftAction } from "@/app/_actions/changes";
import { DecisionForm } from "@/components/changes/decision-form";
import { InlineActionForm } from "@/components/ui/inline-action-form";
import { buttonClass } from "@/components/ui/styles";
import { Badge } from "@/components/ui/badge";
import { LocalTime } from "@/components/ui/local-time";
import { PageHeader } from "@/components/ui/page-header";
import { ChangeStatusBadge } from "@/components/ui/status-badges";
import { cardClass } from "@/components/ui/styles";

export const metadata: Metadata = { title: "Change request" };

export default async function ChangePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser();
  const { id } = await params;
  const db = getDatabase();
  const c = /^\d+$/.test(id) ? await findChange(db.read, Number(id)) : undefined;
  if (!c) notFound();
  const approvals = await listApprovals(db.read, c.id);
  const own = c.requesterId === user.id;
  const decidable = decisionStage(c) !== null;
  const mayDecide = userCan(user.role, "approve") && !own && decidable && !approvals.some((a) => a.approverId === user.id);
  const mayManage = userCan(user.role, "record") && (own || user.role === "admin");
  return (
    <>
      <PageHeader title={c.title} description={`Change request #${c.id} · ${await serviceSlugOf(db.read, c.serviceId)} · ${c.type}, ${c.risk} risk`} />
      <div className="space-y-8">
        <div className="flex flex-wrap items-center gap-3 text-sm">
          <ChangeStatusBadge status={c.status} />
          {flagLabel(c) ? <Badge tone={c.status === "rejected" ? "danger" : "warning"}>{flagLabel(c)}</Badge> : null}
          <span>
            Planned: {c.plannedStart ? <LocalTime iso={c.plannedStart.toISOString()} zone /> : "—"} to {c.plannedEnd ? <LocalTime iso={c.plannedEnd.toISOString()} zone /> : "—"}
          </span>
        </div>
        {[
          ["Description", c.description],
          ["Rollback plan", c.rollbackPlan],
        ].map(([label, text]) => (
          <section key={label} aria-label={label ?? ""} className={cardClass}>
            <h2 className="mb-1 font-semibold">{label}</h2>
            <p className="whitespace-pre-wrap text-sm">{text || "—"}</p>
          </section>
        ))}
        {mayManage && (c.status === "draft" || canCancel(c.status)) ? (
          <div className="flex flex-wrap gap-3">
            {c.status === "draft" ? (
              <InlineActionForm action={submitDraftAction} hidden={{ changeId: String(c.id) }} label="Submit draft">
                <button type="submit" className={buttonClass.primary}>
                  Submit for approval
                </button>
              </InlineActionForm>
            ) : null}
            {c.status === "approved" || (c.type === "emergency" && c.status === "pending_approval")
              ? (["implemented", "failed"] as const).map((outcome) => (
                  <InlineActionForm key={outcome} action={outcomeAction} hidden={{ changeId: String(c.id), outcome }} label={`Mark ${outcome}`}>
                    <button type="submit" className={buttonClass.secondary}>
                      Mark {outcome}
                    </button>
                  </InlineActionForm>
                ))
              : null}
            <InlineActionForm action={cancelChangeAction} hidden={{ changeId: String(c.id) }} label="Cancel change">
              <button type="submit" className={buttonClass.danger}>
                Cancel change
              </button>
            </InlineActionForm>
          </div>
        ) : null}
        {mayDecide ? (
          <section aria-labelledby="decide">
            <h2 id="decide" className="mb-3 text-lg font-semibold">
              Your decision
            </h2>
            <DecisionForm changeId={c.id} />
          </section>
        ) : own && decidable ? (
          <p className="text-sm text-muted">You filed this change, so another approver decides it.</p>
        ) : null}
        <section aria-labelledby="decisions">
          <h2 id="decisions" className="mb-3 text-lg font-semibold">
            Decisions
          </h2>
          {approvals.length === 0 ? (
            <p className="text-sm text-muted">No approver has decided yet.</p>
          ) : (
            <ul className="space-y-2 text-sm">
              {approvals.map((a) => (
                <li key={a.id}>
                  <Badge tone={a.decision === "approved" ? "success" : "danger"}>{a.decision}</Badge> by {a.approver} · <LocalTime iso={a.createdAt.toISOString()} zone /> — {a.comment}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </>
  );
}
