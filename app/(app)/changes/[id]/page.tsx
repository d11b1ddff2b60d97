import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDatabase } from "@/db/client";
import { findChange, listApprovals } from "@/db/queries/changes";
import { serviceSlugOf } from "@/db/queries/incidents";
import { requirePageUser } from "@/app/_http/session";
import { userCan } from "@/lib/auth/roles";
import { canCancel, changeFlag, decisionStage } from "@/lib/changes/policy";
import { cancelChangeAction, outcomeAction, submitDraftAction } from "@/app/_actions/changes";
import { DecisionForm } from "@/components/changes/decision-form";
import { InlineActionForm } from "@/components/ui/inline-action-form";
import { buttonClass } from "@/components/ui/styles";
import { Badge } from "@/components/ui/badge";
import { LocalTime } from "@/components/ui/local-time";
import { PageHeader } from "@/components/ui/page-header";
import { ChangeStatusBadge } from "@/components/ui/status-badges";
import { cardClass } from "@/components/ui/styles";
import { recordIdOf } from "@/lib/whole-number";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("ChangePage"))("metaTitle") };
}

const data = (chunks: React.ReactNode) => <span translate="no">{chunks}</span>;

export default async function ChangePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser();
  const { id } = await params;
  const db = getDatabase();
  const recordNumber = recordIdOf(id);
  const c = recordNumber === undefined ? undefined : await findChange(db.read, recordNumber);
  if (!c) notFound();
  const approvals = await listApprovals(db.read, c.id);
  const own = c.requesterId === user.id;
  const decidable = decisionStage(c) !== null;
  const mayDecide = userCan(user.role, "approve") && !own && decidable && !approvals.some((a) => a.approverId === user.id);
  const mayManage = userCan(user.role, "record") && (own || user.role === "admin");
  const t = await getTranslations("ChangePage");
  const terms = await getTranslations("Terms");
  const flags = await getTranslations("ChangeList.flags");
  const flag = changeFlag(c);
  const when = (at: Date | null) => (at ? <LocalTime iso={at.toISOString()} zone /> : "—");
  return (
    <>
      <PageHeader
        title={<span translate="no">{c.title}</span>}
        description={t.rich("description", { id: String(c.id), service: await serviceSlugOf(db.read, c.serviceId), type: terms(`changeType.${c.type}`), risk: terms(`risk.${c.risk}`), data })}
      />
      <div className="space-y-8">
        <div className="flex flex-wrap items-center gap-3 text-sm">
          <ChangeStatusBadge status={c.status} />
          {flag ? <Badge tone={c.status === "rejected" ? "danger" : "warning"}>{flags(flag)}</Badge> : null}
          <span>{t.rich("planned", { start: () => when(c.plannedStart), end: () => when(c.plannedEnd) })}</span>
        </div>
        {(
          [
            ["description", t("descriptionHeading"), c.description],
            ["rollback", t("rollbackPlan"), c.rollbackPlan],
          ] as const
        ).map(([key, label, text]) => (
          <section key={key} aria-label={label} className={cardClass}>
            <h2 className="mb-1 font-semibold">{label}</h2>
            <p className="whitespace-pre-wrap text-sm" translate={text ? "no" : undefined}>
              {text || "—"}
            </p>
          </section>
        ))}
        {mayManage && (c.status === "draft" || canCancel(c.status)) ? (
          <div className="flex flex-wrap gap-3">
            {c.status === "draft" ? (
              <InlineActionForm action={submitDraftAction} hidden={{ changeId: String(c.id) }} label={t("submitDraft")}>
                <button type="submit" className={buttonClass.primary}>
                  {t("submitForApproval")}
                </button>
              </InlineActionForm>
            ) : null}
            {c.status === "approved" || (c.type === "emergency" && c.status === "pending_approval")
              ? (["implemented", "failed"] as const).map((outcome) => {
                  const label = t(outcome === "implemented" ? "markImplemented" : "markFailed");
                  return (
                    <InlineActionForm key={outcome} action={outcomeAction} hidden={{ changeId: String(c.id), outcome }} label={label}>
                      <button type="submit" className={buttonClass.secondary}>
                        {label}
                      </button>
                    </InlineActionForm>
                  );
                })
              : null}
            <InlineActionForm action={cancelChangeAction} hidden={{ changeId: String(c.id) }} label={t("cancelChange")}>
              <button type="submit" className={buttonClass.danger}>
                {t("cancelChange")}
              </button>
            </InlineActionForm>
          </div>
        ) : null}
        {mayDecide ? (
          <section aria-labelledby="decide">
            <h2 id="decide" className="mb-3 text-lg font-semibold">
              {t("yourDecision")}
            </h2>
            <DecisionForm changeId={c.id} />
          </section>
        ) : own && decidable ? (
          <p className="text-sm text-muted">{t("ownChange")}</p>
        ) : null}
        <section aria-labelledby="decisions">
          <h2 id="decisions" className="mb-3 text-lg font-semibold">
            {t("decisions")}
          </h2>
          {approvals.length === 0 ? (
            <p className="text-sm text-muted">{t("noDecisions")}</p>
          ) : (
            <ul className="space-y-2 text-sm">
              {approvals.map((a) => (
                <li key={a.id}>
                  {t.rich("decisionLine", {
                    approver: a.approver,
                    comment: a.comment,
                    badge: () => <Badge tone={a.decision === "approved" ? "success" : "danger"}>{terms(`changeStatus.${a.decision}`)}</Badge>,
                    data,
                    time: () => <LocalTime iso={a.createdAt.toISOString()} zone />,
                  })}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </>
  );
}
