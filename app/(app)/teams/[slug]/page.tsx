import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePageUser } from "@/app/_http/session";
import { getDatabase } from "@/db/client";
import { listChanges, listIncidents } from "@/db/queries/lists";
import { listServicesWithStats } from "@/db/queries/services";
import { findPeople, findTeamBySlug, latestHandoff, listMembers } from "@/db/queries/teams";
import { listEvents } from "@/db/queries/timeline";
import { userCan } from "@/lib/auth/roles";
import type { HandoffSummary } from "@/lib/oncall/handoff";
import { teamOnCall, upcomingShifts } from "@/lib/oncall/oncall";
import { daysAgo } from "@/lib/time";
import { ChangeTable } from "@/components/changes/change-table";
import { TeamActionItems } from "@/components/incidents/action-item-list";
import { IncidentTable } from "@/components/incidents/incident-table";
import { richTags } from "@/components/i18n/rich";
import { OnCallLine } from "@/components/oncall/on-call-line";
import { HandoffSummaryView } from "@/components/teams/handoff-summary";
import { ShiftTable } from "@/components/teams/shift-table";
import { LocalTime } from "@/components/ui/local-time";
import { PageHeader } from "@/components/ui/page-header";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await getTranslations("Teams"))("metaTitle", { team: (await params).slug }) };
}

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id} className="mb-3 text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** A team's own page: what it owns, who answers for it now, and what is waiting on it. */
export default async function TeamPage({ params }: Props) {
  const viewer = await requirePageUser();
  const t = await getTranslations("Teams");
  const { slug } = await params;
  const db = getDatabase();
  const team = await findTeamBySlug(db.read, slug);
  if (!team) notFound();
  const now = new Date();
  const [services, members, oncall, shifts, openIncidents, waitingChanges, deploys, handoff] = await Promise.all([
    listServicesWithStats(db.read, daysAgo(30, now.getTime())),
    listMembers(db.read, team.id),
    teamOnCall(db.read, team, now),
    upcomingShifts(db.read, team, now, 5),
    listIncidents(db.read, 50, { team: slug, openOnly: true }),
    listChanges(db.read, 50, { team: slug, awaitingApproval: true }),
    listEvents(db.read, { team: slug, types: ["deployment"] }, 10),
    latestHandoff(db.read, team.id),
  ]);
  const owned = services.filter((s) => s.team === slug);
  const handoffPeople = new Map((await findPeople(db.read, [handoff?.outgoingUserId, handoff?.incomingUserId].filter((id): id is string => Boolean(id)))).map((p) => [p.id, p.name]));
  return (
    <>
      <PageHeader
        title={t.rich("heading", { ...richTags, team: team.name })}
        description={members.length ? t.rich("members", { ...richTags, names: members.map((m) => m.name).join(t("listSeparator")) }) : t("noMembers")}
        actions={
          userCan(viewer.role, "manage") ? (
            <Link href={`/settings/teams/${team.slug}`} className="text-sm text-accent underline">
              {t("manage")}
            </Link>
          ) : undefined
        }
      />
      <div className="space-y-8">
        <Section id="on-call" title={t("onCall")}>
          <div className="space-y-3">
            <OnCallLine team={team} oncall={oncall} />
            <ShiftTable shifts={shifts} caption={t("comingShifts")} />
          </div>
        </Section>
        <Section id="services" title={t("services")}>
          {owned.length ? (
            <ul className="list-disc space-y-1 pl-5 text-sm">
              {owned.map((s) => (
                <li key={s.slug}>
                  <Link href={`/services/${s.slug}`} className="text-accent underline" translate="no">
                    {s.name}
                  </Link>
                  {s.openIncidents ? <> · {t("serviceOpenIncidents", { count: s.openIncidents })}</> : null}
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-muted">{t("noServices")}</p>
          )}
        </Section>
        <Section id="open-incidents" title={t("openIncidents")}>
          {openIncidents.length ? <IncidentTable rows={openIncidents} caption={t("openIncidents")} /> : <p className="text-sm text-muted">{t("noneOpen")}</p>}
        </Section>
        <Section id="waiting-changes" title={t("waitingChanges")}>
          {waitingChanges.length ? <ChangeTable rows={waitingChanges} caption={t("waitingChanges")} /> : <p className="text-sm text-muted">{t("noneWaiting")}</p>}
        </Section>
        <Section id="follow-ups" title={t("followUps")}>
          <TeamActionItems team={slug} canEdit={userCan(viewer.role, "record")} />
        </Section>
        <Section id="recent-deploys" title={t("recentDeployments")}>
          {deploys.length ? (
            <ul className="space-y-1 text-sm">
              {deploys.map((d) => (
                <li key={d.id}>
                  <LocalTime iso={d.at.toISOString()} />{" "}
                  <Link href={`/deployments/${d.subjectId}`} className="text-accent underline" translate="no">
                    {d.summary}
                  </Link>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-muted">{t("noDeployments")}</p>
          )}
        </Section>
        <Section id="handoff" title={t("handoff")}>
          {handoff ? (
            <HandoffSummaryView summary={handoff.summary as HandoffSummary} outgoing={handoff.outgoingUserId ? (handoffPeople.get(handoff.outgoingUserId) ?? null) : null} incoming={handoff.incomingUserId ? (handoffPeople.get(handoff.incomingUserId) ?? null) : null} />
          ) : (
            <p className="text-sm text-muted">{t("noHandoff")}</p>
          )}
        </Section>
      </div>
    </>
  );
}
