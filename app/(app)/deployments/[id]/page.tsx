/* eslint-disable no-restricted-syntax, react/jsx-no-literals -- issue 19: this file's UI text is not yet in the message catalogs */
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
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

export const metadata: Metadata = { title: "Deployment" };

export default async function DeploymentPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser();
  const { id } = await params;
  const db = getDatabase();
  const d = /^\d+$/.test(id) ? await findDeploymentById(db.read, Number(id)) : undefined;
  if (!d) notFound();
  const service = await serviceSlugOf(db.read, d.serviceId);
  const commits = await deploymentCommitRows(db.read, d.id);
  const caused = await incidentsCausedBy(db.read, d.id);
  const rollback = await rolledBackBy(db.read, d.id);
  const facts: [string, React.ReactNode][] = [
    ["Status", <DeploymentStatusBadge key="s" status={d.status} />],
    ["Environment", d.environment],
    ["Started", d.startedAt ? <LocalTime iso={d.startedAt.toISOString()} /> : "—"],
    ["Finished", d.finishedAt ? <LocalTime iso={d.finishedAt.toISOString()} /> : "—"],
    ["Commit", d.sha ? <span className="font-mono">{d.sha.slice(0, 12)}</span> : "—"],
    ["By", d.deployedBy ?? "—"],
    ["Rolls back", d.rollbackOfId ? <Link className="text-accent underline" href={`/deployments/${d.rollbackOfId}`}>deployment #{d.rollbackOfId}</Link> : "—"],
    ["Rolled back by", rollback ? <Link className="text-accent underline" href={`/deployments/${rollback}`}>deployment #{rollback}</Link> : "—"],
    ["Change request", d.changeRequestId ? <Link className="text-accent underline" href={`/changes/${d.changeRequestId}`}>#{d.changeRequestId}</Link> : "—"],
  ];
  return (
    <>
      <PageHeader title={`${service} ${d.version ?? d.sha?.slice(0, 10) ?? `#${d.id}`}`} description={`Deployment #${d.id}${d.externalId ? ` · ${d.externalId}` : ""}`} />
      <div className="space-y-8">
        <div className="flex flex-wrap items-center gap-3">
          {d.changeFailed ? <Badge tone="danger">failed change</Badge> : null}
          {d.unplanned ? <Badge>unplanned</Badge> : null}
          {userCan(user.role, "record")
            ? ([
                ["changeFailed", d.changeFailed, "Mark as failed change", "Not a failed change"],
                ["unplanned", d.unplanned, "Mark as unplanned", "Not unplanned"],
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
            Commits delivered ({commits.length})
          </h2>
          {commits.length === 0 ? (
            <p className="text-sm text-muted">No commits are known for this deployment.</p>
          ) : (
            <TableScroll label="Commits delivered">
              <table className={tableClass}>
                <caption className="sr-only">Commits delivered with their lead times</caption>
                <thead>
                  <tr>
                    <th scope="col">Commit</th>
                    <th scope="col">Message</th>
                    <th scope="col">Author</th>
                    <th scope="col">Committed</th>
                    <th scope="col">Lead time</th>
                  </tr>
                </thead>
                <tbody>
                  {commits.map((c) => (
                    <tr key={c.sha}>
                      <td className="font-mono text-xs">{c.sha.slice(0, 12)}</td>
                      <td>{c.message ?? "—"}</td>
                      <td>{c.author ?? "—"}</td>
                      <td className="whitespace-nowrap">
                        <LocalTime iso={c.timestamp.toISOString()} />
                      </td>
                      <td>{d.finishedAt && d.status === "success" ? formatDuration((d.finishedAt.getTime() - c.timestamp.getTime()) / 1000) : "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
        </section>
        <section aria-labelledby="caused">
          <h2 id="caused" className="mb-3 text-lg font-semibold">
            Incidents it caused
          </h2>
          {caused.length === 0 ? (
            <p className="text-sm text-muted">None linked.</p>
          ) : (
            <ul className="space-y-2 text-sm">
              {caused.map((i) => (
                <li key={i.id} className="flex items-center gap-2">
                  <SeverityBadge severity={i.severity} /> <IncidentStatusBadge status={i.status} />
                  <Link className="text-accent underline" href={`/incidents/${i.id}`}>
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
