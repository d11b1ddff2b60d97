import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getDatabase } from "@/db/client";
import { listFilterOptions } from "@/db/queries/services";
import { listTeams } from "@/db/queries/teams";
import { listUsers } from "@/db/queries/users";
import { mayRespond } from "@/lib/incidents/people";
import { requirePageUser } from "@/app/_http/session";
import { teamOnCall } from "@/lib/oncall/oncall";
import { DeclareIncidentForm } from "@/components/incidents/declare-form";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Incidents"))("declare") };
}

export default async function DeclareIncidentPage() {
  const user = await requirePageUser("record");
  const t = await getTranslations("Incidents");
  const db = getDatabase();
  const now = new Date();
  const { services } = await listFilterOptions(db.read);
  const onCallByTeam = new Map(await Promise.all((await listTeams(db.read)).map(async (team) => [team.slug, (await teamOnCall(db.read, team, now)).now?.user] as const)));
  const onCall = Object.fromEntries(services.flatMap((s) => {
    const person = s.team ? onCallByTeam.get(s.team) : undefined;
    return person ? [[s.slug, { id: person.id, name: person.name }]] : [];
  }));
  const people = (await listUsers(db.read)).filter(mayRespond).map(({ id, name, email }) => ({ id, name, email }));
  return (
    <>
      <PageHeader title={t("declare")} description={t("declareDescription")} />
      <DeclareIncidentForm me={user.id} services={services} people={people} onCall={onCall} />
    </>
  );
}
