import Link from "next/link";
import { useTranslations } from "next-intl";
import type { CandidateDeployment } from "@/db/queries/incidents";
import { confirmCause } from "@/app/_actions/incidents";
import { InlineActionForm } from "@/components/ui/inline-action-form";
import { LocalTime } from "@/components/ui/local-time";
import { buttonClass, tableClass } from "@/components/ui/styles";
import { TableScroll } from "@/components/ui/table-scroll";

/**
 * Candidates for the deployment that caused an incident. Tandem never picks one itself: a wrong guess
 * would overstate the change failure rate, so a person confirms.
 */
/** `decided`: someone has recorded a decision on the cause (blamed a deployment, or none). */
export function CausePicker({ incidentId, causedById, decided, candidates, hours, canEdit }: { incidentId: number; causedById: number | null; decided: boolean; candidates: CandidateDeployment[]; hours: number; canEdit: boolean }) {
  const t = useTranslations("IncidentPage.cause");
  const nouns = useTranslations("Terms.nouns");
  return (
    <div className="space-y-3">
      <p className="text-sm">
        {causedById
          ? t.rich("causedBy", {
              id: String(causedById),
              link: (chunks) => (
                <Link href={`/deployments/${causedById}`} className="font-semibold text-accent underline">
                  {chunks}
                </Link>
              ),
            })
          : decided
            ? t("noneCaused")
            : t("noneBlamed")}{" "}
        {t("candidates", { hours })}{" "}
        <a className="text-accent underline" href={`?window=${hours * 2}`}>
          {t("lookBack", { hours: String(hours * 2) })}
        </a>
      </p>
      {candidates.length === 0 ? (
        <p className="text-sm text-muted">{t("noCandidates")}</p>
      ) : (
        <TableScroll label={t("table")}>
          <table className={tableClass}>
            <caption className="sr-only">{t("table")}</caption>
            <thead>
              <tr>
                <th scope="col">{nouns("deployment")}</th>
                <th scope="col">{nouns("environment")}</th>
                <th scope="col">{t("version")}</th>
                <th scope="col">{t("finished")}</th>
                <th scope="col">{t("by")}</th>
                {canEdit ? <th scope="col">{t("isCause")}</th> : null}
              </tr>
            </thead>
            <tbody>
              {candidates.map((d) => (
                <tr key={d.id}>
                  <td className="font-mono">
                    <Link href={`/deployments/${d.id}`} className="text-accent underline">
                      #{d.id}
                    </Link>
                  </td>
                  <td translate="no">{d.environment}</td>
                  <td className="font-mono text-xs" translate="no">
                    {d.version ?? d.sha?.slice(0, 12) ?? "—"}
                  </td>
                  <td className="whitespace-nowrap">
                    <LocalTime iso={d.finishedAt.toISOString()} />
                  </td>
                  <td translate="no">{d.deployedBy ?? "—"}</td>
                  {canEdit ? (
                    <td>
                      {d.id === causedById ? (
                        <span className="text-sm font-medium">{t("confirmed")}</span>
                      ) : (
                        <InlineActionForm action={confirmCause} hidden={{ incidentId: String(incidentId), deploymentId: String(d.id) }} label={t("blameForm", { id: String(d.id) })}>
                          <button type="submit" className={buttonClass.secondary}>
                            {t.rich("thisCausedIt", { id: String(d.id), sr: (chunks) => <span className="sr-only">{chunks}</span> })}
                          </button>
                        </InlineActionForm>
                      )}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {canEdit && (causedById || !decided) ? (
        <InlineActionForm action={confirmCause} hidden={{ incidentId: String(incidentId), deploymentId: "" }} label={t("clearForm")}>
          <button type="submit" className={buttonClass.danger}>
            {t("notCaused")}
          </button>
        </InlineActionForm>
      ) : null}
    </div>
  );
}
