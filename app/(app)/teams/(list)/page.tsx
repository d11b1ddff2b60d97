/* eslint-disable no-restricted-syntax, react/jsx-no-literals -- issue 19: this file's UI text is not yet in the message catalogs */
import type { Metadata } from "next";
import Link from "next/link";
import { requirePageUser } from "@/app/_http/session";
import { getDatabase } from "@/db/client";
import { listTeams } from "@/db/queries/teams";
import { teamOnCall } from "@/lib/oncall/oncall";
import { EmptyState } from "@/components/ui/empty-state";
import { LocalTime } from "@/components/ui/local-time";
import { PageHeader } from "@/components/ui/page-header";
import { tableClass } from "@/components/ui/styles";
import { TableScroll } from "@/components/ui/table-scroll";

export const metadata: Metadata = { title: "Teams" };

export default async function TeamsPage() {
  await requirePageUser();
  const db = getDatabase();
  const now = new Date();
  const teams = await Promise.all((await listTeams(db.read)).map(async (team) => ({ team, oncall: await teamOnCall(db.read, team, now) })));
  return (
    <>
      <PageHeader title="Teams" description="Who owns which services, and who is on call for them right now." />
      {teams.length === 0 ? (
        <EmptyState title="No teams yet">A team is made when a service names it, or by an admin in Settings.</EmptyState>
      ) : (
        <TableScroll label="Teams">
          <table className={tableClass}>
            <caption className="sr-only">Teams and who is on call</caption>
            <thead>
              <tr>
                <th scope="col">Team</th>
                <th scope="col">Services</th>
                <th scope="col">Members</th>
                <th scope="col">On call now</th>
              </tr>
            </thead>
            <tbody>
              {teams.map(({ team, oncall }) => (
                <tr key={team.id}>
                  <th scope="row" className="font-medium">
                    <Link href={`/teams/${team.slug}`} className="text-accent underline">
                      {team.name}
                    </Link>
                  </th>
                  <td>{team.services}</td>
                  <td>{team.members}</td>
                  <td>
                    {oncall.now ? (
                      <>
                        {oncall.now.user.name} <span className="text-muted">until</span> <LocalTime iso={oncall.now.until.toISOString()} zone />
                      </>
                    ) : (
                      <span className="text-muted">nobody</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}
