/* eslint-disable no-restricted-syntax, react/jsx-no-literals -- issue 19: this file's UI text is not yet in the message catalogs */
import Link from "next/link";
import type { TeamSummary } from "@/db/queries/teams";
import { tableClass } from "@/components/ui/styles";
import { TableScroll } from "@/components/ui/table-scroll";
import { CreateTeamForm } from "./create-team-form";

/** Settings: the teams, each managed on its own page, and a form to add one. */
export function TeamsSection({ teams }: { teams: TeamSummary[] }) {
  return (
    <section aria-labelledby="teams-heading" className="space-y-4">
      <h2 id="teams-heading" className="text-lg font-semibold">
        Teams
      </h2>
      <p className="text-sm text-muted">A team owns services, has members, and takes turns on call.</p>
      {teams.length ? (
        <TableScroll label="Teams">
          <table className={tableClass}>
            <caption className="sr-only">Teams</caption>
            <thead>
              <tr>
                <th scope="col">Team</th>
                <th scope="col">Slug</th>
                <th scope="col">Services</th>
                <th scope="col">Members</th>
              </tr>
            </thead>
            <tbody>
              {teams.map((t) => (
                <tr key={t.id}>
                  <th scope="row" className="font-medium">
                    <Link href={`/settings/teams/${t.slug}`} className="text-accent underline">
                      {t.name}
                      <span className="sr-only">: members and on call</span>
                    </Link>
                  </th>
                  <td className="font-mono">{t.slug}</td>
                  <td>{t.services}</td>
                  <td>{t.members}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
      <CreateTeamForm />
    </section>
  );
}
