/* eslint-disable react/jsx-no-literals -- issue 19: this file's UI text is not yet in the message catalogs */
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getDatabase } from "@/db/client";
import { candidateDeployments, findIncidentById, listIncidentUpdates, serviceSlugOf } from "@/db/queries/incidents";
import { requirePageUser } from "@/app/_http/session";
import { userCan } from "@/lib/auth/roles";
import { CausePicker } from "@/components/incidents/cause-picker";
import { RespondPanel } from "@/components/incidents/respond-panel";
import { ActionItemsSection } from "@/components/incidents/action-items-section";
import { listUsers } from "@/db/queries/users";
import { LocalTime } from "@/components/ui/local-time";
import { Markdown } from "@/components/ui/markdown";
import { PageHeader } from "@/components/ui/page-header";
import { OnCallLine } from "@/components/oncall/on-call-line";
import { findServiceBySlug } from "@/db/queries/services";
import { onCallForTeamSlug } from "@/lib/oncall/oncall";
import { IncidentStatusBadge, SeverityBadge } from "@/components/ui/status-badges";
import { cardClass } from "@/components/ui/styles";
import { WRITTEN_UPDATE_KINDS, type IncidentUpdateKind } from "@/db/schema";

export const metadata: Metadata = { title: "Incident" };

const DEFAULT_WINDOW_HOURS = 24;

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ window?: string }> };

/** A written body is shown as its Markdown; the other kinds' detail is shown by UpdateKind. */
const TEXT_KINDS = new Set<IncidentUpdateKind>(WRITTEN_UPDATE_KINDS);

/** What an Updates entry did, in words; a linked cause links to its deployment. */
function UpdateKind({ update: u }: { update: { kind: IncidentUpdateKind; status: string | null; body: string | null } }) {
  switch (u.kind) {
    case "note":
      return null;
    case "status":
      return <>status → {u.status}</>;
    case "correction":
      return <>correction:</>;
    case "declared":
      return <>declared ({u.status})</>;
    case "acknowledged":
      return <>acknowledged</>;
    case "lead":
      return u.body ? <>lead → {u.body}</> : <>lead cleared</>;
    case "communications":
      return u.body ? <>communications → {u.body}</> : <>communications cleared</>;
    case "severity":
      return <>severity {u.body}</>;
    case "cause":
      return u.body ? (
        <>
          cause linked:{" "}
          <Link href={`/deployments/${u.body}`} className="text-accent underline">
            deployment #{u.body}
          </Link>
        </>
      ) : (
        <>cause unlinked</>
      );
    case "postmortem":
      return <>postmortem written</>;
  }
}

export default async function IncidentPage({ params, searchParams }: Props) {
  const user = await requirePageUser();
  const { id } = await params;
  const db = getDatabase();
  const incident = /^\d+$/.test(id) ? await findIncidentById(db.read, Number(id)) : undefined;
  if (!incident) notFound();
  const requested = Number((await searchParams).window);
  const hours = Number.isInteger(requested) && requested > 0 && requested <= 24 * 30 ? requested : DEFAULT_WINDOW_HOURS;
  const slug = await serviceSlugOf(db.read, incident.serviceId);
  const oncall = await onCallForTeamSlug(db.read, (await findServiceBySlug(db.read, slug))?.team ?? null, new Date());
  const times: [string, Date | null][] = [
    ["Started", incident.startedAt],
    ["Acknowledged", incident.acknowledgedAt],
    ["Resolved", incident.resolvedAt],
  ];
  const people = await listUsers(db.read);
  const nameOf = (id: string | null) => (id ? (people.find((p) => p.id === id)?.name ?? "—") : "nobody yet");
  const roles: [string, string][] = [
    ["Lead", nameOf(incident.leadId)],
    ["Communications", nameOf(incident.communicationsId)],
  ];
  return (
    <>
      <PageHeader title={incident.title} description={`Incident #${incident.id} · ${slug}`} />
      <div className="space-y-8">
        <div className="flex flex-wrap items-center gap-3">
          <SeverityBadge severity={incident.severity} />
          <IncidentStatusBadge status={incident.status} />
          <dl className="flex flex-wrap gap-6 text-sm">
            {times.map(([label, at]) => (
              <div key={label}>
                <dt className="text-muted">{label}</dt>
                <dd>{at ? <LocalTime iso={at.toISOString()} zone /> : "—"}</dd>
              </div>
            ))}
            {roles.map(([label, name]) => (
              <div key={label}>
                <dt className="text-muted">{label}</dt>
                <dd>{name}</dd>
              </div>
            ))}
          </dl>
        </div>
        {oncall ? <OnCallLine team={oncall.team} oncall={oncall} /> : null}
        <Markdown markdown={incident.summary} html={incident.summaryHtml} className={`${cardClass} text-sm`} data-testid="summary" />
        {userCan(user.role, "record") ? (
          <section aria-labelledby="respond">
            <h2 id="respond" className="mb-3 text-lg font-semibold">
              Respond
            </h2>
            <RespondPanel incident={incident} people={people.filter((u) => u.role !== "viewer" && !u.banned)} />
          </section>
        ) : null}
        <section aria-labelledby="cause">
          <h2 id="cause" className="mb-3 text-lg font-semibold">
            Caused by
          </h2>
          <CausePicker incidentId={incident.id} causedById={incident.causedById} candidates={await candidateDeployments(db.read, incident, hours)} hours={hours} canEdit={userCan(user.role, "record")} />
        </section>
        {incident.postmortem ? (
          <section aria-labelledby="postmortem">
            <h2 id="postmortem" className="mb-3 text-lg font-semibold">
              Postmortem
            </h2>
            <Markdown markdown={incident.postmortem} html={incident.postmortemHtml} className={`${cardClass} text-sm`} data-testid="postmortem" />
          </section>
        ) : null}
        <ActionItemsSection incidentId={incident.id} canEdit={userCan(user.role, "record")} adding="folded" />
        <Link href={`/incidents/${incident.id}/postmortem`} className="block text-sm text-accent underline">
          Postmortem and action items
        </Link>
        <section aria-labelledby="updates">
          <h2 id="updates" className="mb-3 text-lg font-semibold">
            Updates
          </h2>
          <ol className="space-y-2">
            {(await listIncidentUpdates(db.read, incident.id)).map((u) => (
              <li key={u.id} className="text-sm">
                <p className="text-muted">
                  <LocalTime iso={u.createdAt.toISOString()} zone /> · {u.author ?? "Tandem"} · <UpdateKind update={u} />
                </p>
                {u.body && TEXT_KINDS.has(u.kind) ? <Markdown markdown={u.body} html={u.bodyHtml} /> : null}
              </li>
            ))}
          </ol>
        </section>
        <Link href="/incidents" className="text-sm text-accent underline">
          All incidents
        </Link>
      </div>
    </>
  );
}
