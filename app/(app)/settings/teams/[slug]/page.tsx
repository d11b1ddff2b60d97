/* eslint-disable react/jsx-no-literals -- issue 19: this file's UI text is not yet in the message catalogs */
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { deleteTeamAction } from "@/app/_actions/teams";
import { requirePageUser } from "@/app/_http/session";
import { getDatabase } from "@/db/client";
import { findRotation, findTeamBySlug, listMembers, listOverrides } from "@/db/queries/teams";
import { listUsers } from "@/db/queries/users";
import { upcomingShifts } from "@/lib/oncall/oncall";
import { MembersSection } from "@/components/teams/members-section";
import { OverridesSection } from "@/components/teams/overrides-section";
import { RotationForm } from "@/components/teams/rotation-form";
import { ShiftTable } from "@/components/teams/shift-table";
import { ConfirmActionForm } from "@/components/ui/confirm-action-form";
import { PageHeader } from "@/components/ui/page-header";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Team ${(await params).slug}` };
}

/** The zones the runtime knows (UTC first), so the form offers only zones the rotation accepts. */
const ZONES = ["UTC", ...Intl.supportedValuesOf("timeZone").filter((z) => z !== "UTC")];

export default async function TeamSettingsPage({ params }: Props) {
  await requirePageUser("manage");
  const { slug } = await params;
  const db = getDatabase();
  const team = await findTeamBySlug(db.read, slug);
  if (!team) notFound();
  const now = new Date();
  const [members, people, rotation, overrides, shifts] = await Promise.all([
    listMembers(db.read, team.id),
    listUsers(db.read),
    findRotation(db.read, team.id),
    listOverrides(db.read, team.id, now),
    upcomingShifts(db.read, team, now, 6),
  ]);
  const active = people.filter((p) => !p.banned).map(({ id, name, email }) => ({ id, name, email }));
  return (
    <>
      <PageHeader
        title={`Team ${team.name}`}
        description={`Members, on-call rotation and overrides of ${team.slug}.`}
        actions={
          <Link href={`/teams/${team.slug}`} className="text-sm text-accent underline">
            Team page
          </Link>
        }
      />
      <div className="space-y-10">
        <MembersSection team={team} members={members} people={active} />
        <section aria-labelledby="rotation-heading" className="space-y-4">
          <h2 id="rotation-heading" className="text-lg font-semibold">
            Rotation
          </h2>
          <RotationForm team={team.slug} rotation={rotation ?? null} zones={ZONES} />
        </section>
        <OverridesSection team={team} overrides={overrides} people={active} />
        <section aria-labelledby="shifts-heading" className="space-y-4">
          <h2 id="shifts-heading" className="text-lg font-semibold">
            Coming shifts
          </h2>
          <ShiftTable shifts={shifts} caption="Coming shifts" />
        </section>
        <section aria-labelledby="delete-heading" className="space-y-4">
          <h2 id="delete-heading" className="text-lg font-semibold">
            Delete team
          </h2>
          <ConfirmActionForm action={deleteTeamAction} hidden={{ team: team.slug }} label={`Delete team ${team.name}`} trigger={<>Delete team<span className="sr-only"> {team.name}</span></>} title={`Delete the team “${team.name}”?`} confirm="Delete team">
            <p>Its members, rotation, overrides and hand-off summaries go; nobody is on call for it any more.</p>
            <p>Its services keep the team slug {team.slug}: create a team with that slug again to give them an owner.</p>
          </ConfirmActionForm>
        </section>
      </div>
    </>
  );
}
