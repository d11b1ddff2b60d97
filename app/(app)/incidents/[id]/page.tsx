import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDatabase } from "@/db/client";
import { candidateDeployments, findIncidentById, listIncidentUpdates, serviceSlugOf } from "@/db/queries/incidents";
import { requirePageUser } from "@/app/_http/session";
import { userCan } from "@/lib/auth/roles";
import { CausePicker } from "@/components/incidents/cause-picker";
import { IncidentDuration } from "@/components/incidents/incident-duration";
import { RespondActions, RespondPanel } from "@/components/incidents/respond-panel";
import { ActionItemsSection } from "@/components/incidents/action-items-section";
import { UpdateKind } from "@/components/incidents/update-kind";
import { listUsers } from "@/db/queries/users";
import { pickable } from "@/lib/incidents/people";
import { LocalTime } from "@/components/ui/local-time";
import { Markdown } from "@/components/ui/markdown";
import { PageHeader } from "@/components/ui/page-header";
import { OnCallLine } from "@/components/oncall/on-call-line";
import { findServiceBySlug } from "@/db/queries/services";
import { onCallForTeamSlug } from "@/lib/oncall/oncall";
import { IncidentStatusBadge, SeverityBadge } from "@/components/ui/status-badges";
import { cardClass } from "@/components/ui/styles";
import { WRITTEN_UPDATE_KINDS, type IncidentUpdateKind } from "@/db/schema";
import { recordIdOf } from "@/lib/whole-number";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Terms.nouns"))("incident") };
}

const DEFAULT_WINDOW_HOURS = 24;

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ window?: string }> };

/** A written body is shown as its Markdown; the other kinds' detail is shown by UpdateKind. */
const TEXT_KINDS = new Set<IncidentUpdateKind>(WRITTEN_UPDATE_KINDS);

export default async function IncidentPage({ params, searchParams }: Props) {
  const user = await requirePageUser();
  const t = await getTranslations("IncidentPage");
  const nouns = await getTranslations("Terms.nouns");
  const { id } = await params;
  const db = getDatabase();
  const recordNumber = recordIdOf(id);
  const incident = recordNumber === undefined ? undefined : await findIncidentById(db.read, recordNumber);
  if (!incident) notFound();
  const requested = Number((await searchParams).window);
  const hours = Number.isInteger(requested) && requested > 0 && requested <= 24 * 30 ? requested : DEFAULT_WINDOW_HOURS;
  const slug = await serviceSlugOf(db.read, incident.serviceId);
  const updates = await listIncidentUpdates(db.read, incident.id);
  const now = new Date();
  const oncall = await onCallForTeamSlug(db.read, (await findServiceBySlug(db.read, slug))?.team ?? null, now);
  const times: [string, Date | null][] = [
    [t("times.started"), incident.startedAt],
    [t("times.acknowledged"), incident.acknowledgedAt],
    [t("times.resolved"), incident.resolvedAt],
  ];
  const people = await listUsers(db.read);
  const nameOf = (id: string | null) => (id ? <span translate="no">{people.find((p) => p.id === id)?.name ?? "—"}</span> : t("nobodyYet"));
  const roles: [string, React.ReactNode][] = [
    [nouns("lead"), nameOf(incident.leadId)],
    [nouns("communications"), nameOf(incident.communicationsId)],
  ];
  const canRecord = userCan(user.role, "record");
  const data = (chunks: React.ReactNode) => <span translate="no">{chunks}</span>;
  return (
    <>
      {/* The next steps come first in main, a Tab or two from the skip link (issue 16). */}
      <PageHeader
        title={<span translate="no">{incident.title}</span>}
        description={t.rich("description", { id: String(incident.id), service: slug, data })}
        actions={canRecord ? <RespondActions incident={incident} /> : undefined}
      />
      <div className="space-y-8">
        <div className="flex flex-wrap items-center gap-3">
          <SeverityBadge severity={incident.severity} />
          <IncidentStatusBadge status={incident.status} />
          {/* The server's clock, so the browser can measure its own against it (useServerNow). */}
          <IncidentDuration startedAt={incident.startedAt.toISOString()} resolvedAt={incident.resolvedAt?.toISOString() ?? null} serverNow={now.getTime()} />
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
        {incident.summary ? (
          <div translate="no">
            <Markdown markdown={incident.summary} html={incident.summaryHtml} className={`${cardClass} text-sm`} data-testid="summary" />
          </div>
        ) : null}
        {canRecord ? (
          <section aria-labelledby="respond">
            <h2 id="respond" className="mb-3 text-lg font-semibold">
              {t("respond.heading")}
            </h2>
            <RespondPanel incident={incident} leads={pickable(people, incident.leadId)} communications={pickable(people, incident.communicationsId)} />
          </section>
        ) : null}
        <section aria-labelledby="cause">
          <h2 id="cause" className="mb-3 text-lg font-semibold">
            {t("cause.heading")}
          </h2>
          <CausePicker incidentId={incident.id} causedById={incident.causedById} decided={updates.some((u) => u.kind === "cause")} candidates={await candidateDeployments(db.read, incident, hours)} hours={hours} canEdit={canRecord} />
        </section>
        {incident.postmortem ? (
          <section aria-labelledby="postmortem">
            <h2 id="postmortem" className="mb-3 text-lg font-semibold">
              {t("postmortem")}
            </h2>
            <div translate="no">
              <Markdown markdown={incident.postmortem} html={incident.postmortemHtml} className={`${cardClass} text-sm`} data-testid="postmortem" />
            </div>
          </section>
        ) : null}
        <ActionItemsSection incidentId={incident.id} canEdit={canRecord} adding="folded" />
        <Link href={`/incidents/${incident.id}/postmortem`} className="block text-sm text-accent underline">
          {t("postmortemLink")}
        </Link>
        <section aria-labelledby="updates">
          <h2 id="updates" className="mb-3 text-lg font-semibold">
            {t("updates.heading")}
          </h2>
          <ol className="space-y-2">
            {updates.map((u) => (
              <li key={u.id} className="text-sm">
                <p className="text-muted">
                  <LocalTime iso={u.createdAt.toISOString()} zone /> · <span translate="no">{u.author ?? "Tandem"}</span> · <UpdateKind update={u} />
                </p>
                {u.body && TEXT_KINDS.has(u.kind) ? (
                  <div translate="no">
                    <Markdown markdown={u.body} html={u.bodyHtml} />
                  </div>
                ) : null}
              </li>
            ))}
          </ol>
        </section>
        <Link href="/incidents" className="text-sm text-accent underline">
          {t("allIncidents")}
        </Link>
      </div>
    </>
  );
}
