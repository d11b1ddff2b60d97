import Link from "next/link";
import { useTranslations } from "next-intl";
import type { TeamSummary } from "@/db/queries/teams";
import { tableClass } from "@/components/ui/styles";
import { TableScroll } from "@/components/ui/table-scroll";
import { CreateTeamForm } from "./create-team-form";

/** Settings: the teams, each managed on its own page, and a form to add one. */
export function TeamsSection({ teams }: { teams: TeamSummary[] }) {
  const t = useTranslations("Teams");
  return (
    <section aria-labelledby="teams-heading" className="space-y-4">
      <h2 id="teams-heading" className="text-lg font-semibold">
        {t("section.heading")}
      </h2>
      <p className="text-sm text-muted">{t("section.hint")}</p>
      {teams.length ? (
        <TableScroll label={t("table.label")}>
          <table className={tableClass}>
            <caption className="sr-only">{t("table.label")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("table.team")}</th>
                <th scope="col">{t("table.slug")}</th>
                <th scope="col">{t("table.services")}</th>
                <th scope="col">{t("table.members")}</th>
              </tr>
            </thead>
            <tbody>
              {teams.map((team) => (
                <tr key={team.id}>
                  <th scope="row" className="font-medium">
                    <Link href={`/settings/teams/${team.slug}`} className="text-accent underline">
                      <span translate="no">{team.name}</span>
                      <span className="sr-only">{t("section.manageSr")}</span>
                    </Link>
                  </th>
                  <td className="font-mono" translate="no">
                    {team.slug}
                  </td>
                  <td>{team.services}</td>
                  <td>{team.members}</td>
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
