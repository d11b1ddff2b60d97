/* eslint-disable no-restricted-syntax -- issue 19: this file's UI text is not yet in the message catalogs */
import type { Metadata } from "next";
import { getDatabase } from "@/db/client";
import { listFilterOptions } from "@/db/queries/services";
import { listTeams } from "@/db/queries/teams";
import { listUsers } from "@/db/queries/users";
import { requirePageUser } from "@/app/_http/session";
import { teamOnCall } from "@/lib/oncall/oncall";
import { DeclareIncidentForm } from "@/components/incidents/declare-form";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Declare incident" };

export default async function DeclareIncidentPage() {
  await requirePageUser("record");
  const db = getDatabase();
  const now = new Date();
  const { services } = await listFilterOptions(db.read);
  const onCallByTeam = new Map(await Promise.all((await listTeams(db.read)).map(async (team) => [team.slug, (await teamOnCall(db.read, team, now)).now?.user] as const)));
  const onCall = Object.fromEntries(services.flatMap((s) => {
    const person = s.team ? onCallByTeam.get(s.team) : undefined;
    return person ? [[s.slug, { id: person.id, name: person.name }]] : [];
  }));
  const people = (await listUsers(db.read)).filter((u) => !u.banned).map(({ id, name, email, role }) => ({ id, name, email, responder: role !== "viewer" }));
  return (
    <>
      <PageHeader title="Declare incident" description="Start the response now; details can be added as you learn them." />
      <DeclareIncidentForm services={services} people={people} onCall={onCall} />
    </>
  );
}
