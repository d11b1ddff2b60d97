import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { deleteTeamAction } from "@/app/_actions/teams";
import { requirePageUser } from "@/app/_http/session";
import { getDatabase } from "@/db/client";
import { findRotation, findTeamBySlug, listMembers, listOverrides } from "@/db/queries/teams";
import { listUsers } from "@/db/queries/users";
import { isActive } from "@/lib/users/people";
import { upcomingShifts } from "@/lib/oncall/oncall";
import { richTags } from "@/components/i18n/rich";
import { MembersSection } from "@/components/teams/members-section";
import { OverridesSection } from "@/components/teams/overrides-section";
import { RotationForm } from "@/components/teams/rotation-form";
import { ShiftTable } from "@/components/teams/shift-table";
import { ConfirmActionForm } from "@/components/ui/confirm-action-form";
import { PageHeader } from "@/components/ui/page-header";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await getTranslations("Teams"))("metaTitle", { team: (await params).slug }) };
}

/** The zones the runtime knows (UTC first), so the form offers only zones the rotation accepts. */
const ZONES = ["UTC", ...Intl.supportedValuesOf("timeZone").filter((z) => z !== "UTC")];

export default async function TeamSettingsPage({ params }: Props) {
  await requirePageUser("manage");
  const t = await getTranslations("Teams");
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
  const active = people.filter(isActive).map(({ id, name, email }) => ({ id, name, email }));
  return (
    <>
      <PageHeader
        title={t.rich("heading", { ...richTags, team: team.name })}
        description={t.rich("settings.description", { ...richTags, slug: team.slug })}
        actions={
          <Link href={`/teams/${team.slug}`} className="text-sm text-accent underline">
            {t("settings.teamPage")}
          </Link>
        }
      />
      <div className="space-y-10">
        <MembersSection team={team} members={members} people={active} />
        <section aria-labelledby="rotation-heading" className="space-y-4">
          <h2 id="rotation-heading" className="text-lg font-semibold">
            {t("settings.rotation")}
          </h2>
          <RotationForm team={team.slug} rotation={rotation ?? null} zones={ZONES} />
        </section>
        <OverridesSection team={team} overrides={overrides} people={active} />
        <section aria-labelledby="shifts-heading" className="space-y-4">
          <h2 id="shifts-heading" className="text-lg font-semibold">
            {t("comingShifts")}
          </h2>
          <ShiftTable shifts={shifts} caption={t("comingShifts")} />
        </section>
        <section aria-labelledby="delete-heading" className="space-y-4">
          <h2 id="delete-heading" className="text-lg font-semibold">
            {t("settings.delete")}
          </h2>
          <ConfirmActionForm
            action={deleteTeamAction}
            hidden={{ team: team.slug }}
            label={t("settings.delete")}
            trigger={t.rich("settings.deleteTrigger", { ...richTags, name: team.name })}
            title={t.rich("settings.deleteTitle", { ...richTags, name: team.name })}
            confirm={t("settings.delete")}
          >
            <p>{t("settings.deleteBody")}</p>
            <p>{t.rich("settings.deleteKeep", { ...richTags, slug: team.slug })}</p>
          </ConfirmActionForm>
        </section>
      </div>
    </>
  );
}
