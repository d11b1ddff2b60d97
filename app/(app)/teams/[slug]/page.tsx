/* eslint-disable no-restricted-syntax, react/jsx-no-literals -- issue 19: this file's UI text is not yet in the message catalogs */
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
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
import { OnCallLine } from "@/components/oncall/on-call-line";
import { HandoffSummaryView } from "@/components/teams/handoff-summary";
import { ShiftTable } from "@/components/teams/shift-table";
import { LocalTime } from "@/components/ui/local-time";
import { PageHeader } from "@/components/ui/page-header";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Team ${(await params).slug}` };
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
        title={`Team ${team.name}`}
        description={members.length ? `Members: ${members.map((m) => m.name).join(", ")}` : "No members yet."}
        actions={
          userCan(viewer.role, "manage") ? (
            <Link href={`/settings/teams/${team.slug}`} className="text-sm text-accent underline">
              Manage team and on call
            </Link>
          ) : undefined
        }
      />
      <div className="space-y-8">
        <Section id="on-call" title="On call">
          <div className="space-y-3">
            <OnCallLine team={team} oncall={oncall} />
            <ShiftTable shifts={shifts} caption="Coming shifts" />
          </div>
        </Section>
        <Section id="services" title="Services">
          {owned.length ? (
            <ul className="list-disc space-y-1 pl-5 text-sm">
              {owned.map((s) => (
                <li key={s.slug}>
                  <Link href={`/services/${s.slug}`} className="text-accent underline">
                    {s.name}
                  </Link>
                  {s.openIncidents ? ` · ${s.openIncidents} open incident${s.openIncidents === 1 ? "" : "s"}` : ""}
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-muted">No service names this team yet.</p>
          )}
        </Section>
        <Section id="open-incidents" title="Open incidents">
          {openIncidents.length ? <IncidentTable rows={openIncidents} caption="Open incidents" /> : <p className="text-sm text-muted">None open.</p>}
        </Section>
        <Section id="waiting-changes" title="Changes waiting for a decision">
          {waitingChanges.length ? <ChangeTable rows={waitingChanges} caption="Changes waiting for a decision" /> : <p className="text-sm text-muted">None waiting.</p>}
        </Section>
        <Section id="follow-ups" title="Open follow-ups">
          <TeamActionItems team={slug} canEdit={userCan(viewer.role, "record")} />
        </Section>
        <Section id="recent-deploys" title="Recent deployments">
          {deploys.length ? (
            <ul className="space-y-1 text-sm">
              {deploys.map((d) => (
                <li key={d.id}>
                  <LocalTime iso={d.at.toISOString()} />{" "}
                  <Link href={`/deployments/${d.subjectId}`} className="text-accent underline">
                    {d.summary}
                  </Link>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-muted">None yet.</p>
          )}
        </Section>
        <Section id="handoff" title="Latest hand-off">
          {handoff ? (
            <HandoffSummaryView summary={handoff.summary as HandoffSummary} outgoing={handoff.outgoingUserId ? (handoffPeople.get(handoff.outgoingUserId) ?? null) : null} incoming={handoff.incomingUserId ? (handoffPeople.get(handoff.incomingUserId) ?? null) : null} />
          ) : (
            <p className="text-sm text-muted">No hand-over yet: the first summary appears after the rotation&apos;s first hand-over.</p>
          )}
        </Section>
      </div>
    </>
  );
}
