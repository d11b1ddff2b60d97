import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { getDatabase } from "@/db/client";
import { incidentsCausedBy, serviceSlugOf } from "@/db/queries/incidents";
import { deploymentCommitRows, findDeploymentById, rolledBackBy } from "@/db/queries/ingest";
import { requirePageUser } from "@/app/_http/session";
import { userCan } from "@/lib/auth/roles";
import { flagDeploymentAction } from "@/app/_actions/deployments";
import { InlineActionForm } from "@/components/ui/inline-action-form";
import { buttonClass } from "@/components/ui/styles";
import { formatDuration } from "@/lib/format";
import { Badge } from "@/components/ui/badge";
import { LocalTime } from "@/components/ui/local-time";
import { PageHeader } from "@/components/ui/page-header";
import { DeploymentStatusBadge, IncidentStatusBadge, SeverityBadge } from "@/components/ui/status-badges";
import { tableClass } from "@/components/ui/styles";
import { TableScroll } from "@/components/ui/table-scroll";
import { recordIdOf } from "@/lib/whole-number";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Deployments.detail"))("title") };
}

export default async function DeploymentPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser();
  const t = await getTranslations("Deployments.detail");
  const flag = await getTranslations("Deployments.flags");
  const locale = await getLocale();
  const { id } = await params;
  const db = getDatabase();
  const recordNumber = recordIdOf(id);
  const d = recordNumber === undefined ? undefined : await findDeploymentById(db.read, recordNumber);
  if (!d) notFound();
  const service = await serviceSlugOf(db.read, d.serviceId);
  const commits = await deploymentCommitRows(db.read, d.id);
  const caused = await incidentsCausedBy(db.read, d.id);
  const rollback = await rolledBackBy(db.read, d.id);
  const facts: [string, React.ReactNode][] = [
    [t("status"), <DeploymentStatusBadge key="s" status={d.status} />],
    [t("environment"), <span key="e" translate="no">{d.environment}</span>],
    [t("started"), d.startedAt ? <LocalTime iso={d.startedAt.toISOString()} /> : "—"],
    [t("finished"), d.finishedAt ? <LocalTime iso={d.finishedAt.toISOString()} /> : "—"],
    [t("commit"), d.sha ? <span className="font-mono" translate="no">{d.sha.slice(0, 12)}</span> : "—"],
    [t("by"), d.deployedBy ? <span key="b" translate="no">{d.deployedBy}</span> : "—"],
    [t("rollsBack"), d.rollbackOfId ? <Link className="text-accent underline" href={`/deployments/${d.rollbackOfId}`}>{t("deploymentLink", { id: d.rollbackOfId })}</Link> : "—"],
    [t("rolledBackBy"), rollback ? <Link className="text-accent underline" href={`/deployments/${rollback}`}>{t("deploymentLink", { id: rollback })}</Link> : "—"],
    [t("changeRequest"), d.changeRequestId ? <Link className="text-accent underline" href={`/changes/${d.changeRequestId}`}>#{d.changeRequestId}</Link> : "—"],
  ];
  return (
    <>
      <PageHeader
        title={<span translate="no">{[service, d.version ?? d.sha?.slice(0, 10) ?? `#${d.id}`].join(" ")}</span>}
        description={
          <>
            {t("subtitle", { id: d.id })}
            {d.externalId ? (
              <>
                {" · "}
                <span translate="no">{d.externalId}</span>
              </>
            ) : null}
          </>
        }
      />
      <div className="space-y-8">
        <div className="flex flex-wrap items-center gap-3">
          {d.changeFailed ? <Badge tone="danger">{flag("failedChange")}</Badge> : null}
          {d.unplanned ? <Badge>{flag("unplanned")}</Badge> : null}
          {userCan(user.role, "record")
            ? ([
                ["changeFailed", d.changeFailed, flag("markFailed"), flag("unmarkFailed")],
                ["unplanned", d.unplanned, flag("markUnplanned"), flag("unmarkUnplanned")],
              ] as const).map(([flag, on, mark, unmark]) => (
                <InlineActionForm key={flag} action={flagDeploymentAction} hidden={{ deploymentId: String(d.id), flag, value: String(!on) }} label={on ? unmark : mark}>
                  <button type="submit" className={on ? buttonClass.secondary : buttonClass.danger}>
                    {on ? unmark : mark}
                  </button>
                </InlineActionForm>
              ))
            : null}
        </div>
        <dl className="grid gap-4 text-sm sm:grid-cols-2 lg:grid-cols-4">
          {facts.map(([label, value]) => (
            <div key={label}>
              <dt className="text-muted">{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
        <section aria-labelledby="commits">
          <h2 id="commits" className="mb-3 text-lg font-semibold">
            {t("commits", { count: commits.length })}
          </h2>
          {commits.length === 0 ? (
            <p className="text-sm text-muted">{t("noCommits")}</p>
          ) : (
            <TableScroll label={t("commitsLabel")}>
              <table className={tableClass}>
                <caption className="sr-only">{t("commitsCaption")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("commit")}</th>
                    <th scope="col">{t("message")}</th>
                    <th scope="col">{t("author")}</th>
                    <th scope="col">{t("committed")}</th>
                    <th scope="col">{t("leadTime")}</th>
                  </tr>
                </thead>
                <tbody>
                  {commits.map((c) => (
                    <tr key={c.sha}>
                      <td className="font-mono text-xs" translate="no">
                        {c.sha.slice(0, 12)}
                      </td>
                      <td translate="no">{c.message ?? "—"}</td>
                      <td translate="no">{c.author ?? "—"}</td>
                      <td className="whitespace-nowrap">
                        <LocalTime iso={c.timestamp.toISOString()} />
                      </td>
                      <td>{d.finishedAt && d.status === "success" ? formatDuration((d.finishedAt.getTime() - c.timestamp.getTime()) / 1000, locale) : "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
        </section>
        <section aria-labelledby="caused">
          <h2 id="caused" className="mb-3 text-lg font-semibold">
            {t("caused")}
          </h2>
          {caused.length === 0 ? (
            <p className="text-sm text-muted">{t("noneLinked")}</p>
          ) : (
            <ul className="space-y-2 text-sm">
              {caused.map((i) => (
                <li key={i.id} className="flex items-center gap-2">
                  <SeverityBadge severity={i.severity} /> <IncidentStatusBadge status={i.status} />
                  <Link className="text-accent underline" href={`/incidents/${i.id}`} translate="no">
                    {i.title}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </>
  );
}
