import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePageUser } from "@/app/_http/session";
import { getDatabase } from "@/db/client";
import { listTeams } from "@/db/queries/teams";
import { teamOnCall } from "@/lib/oncall/oncall";
import { richTags } from "@/components/i18n/rich";
import { EmptyState } from "@/components/ui/empty-state";
import { LocalTime } from "@/components/ui/local-time";
import { PageHeader } from "@/components/ui/page-header";
import { tableClass } from "@/components/ui/styles";
import { TableScroll } from "@/components/ui/table-scroll";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Teams"))("title") };
}

export default async function TeamsPage() {
  await requirePageUser();
  const t = await getTranslations("Teams");
  const db = getDatabase();
  const now = new Date();
  const teams = await Promise.all((await listTeams(db.read)).map(async (team) => ({ team, oncall: await teamOnCall(db.read, team, now) })));
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      {teams.length === 0 ? (
        <EmptyState title={t("emptyTitle")}>{t("emptyBody")}</EmptyState>
      ) : (
        <TableScroll label={t("table.label")}>
          <table className={tableClass}>
            <caption className="sr-only">{t("table.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("table.team")}</th>
                <th scope="col">{t("table.services")}</th>
                <th scope="col">{t("table.members")}</th>
                <th scope="col">{t("table.onCallNow")}</th>
              </tr>
            </thead>
            <tbody>
              {teams.map(({ team, oncall: { now: onCallNow } }) => (
                <tr key={team.id}>
                  <th scope="row" className="font-medium">
                    <Link href={`/teams/${team.slug}`} className="text-accent underline" translate="no">
                      {team.name}
                    </Link>
                  </th>
                  <td>{team.services}</td>
                  <td>{team.members}</td>
                  <td>
                    {onCallNow ? (
                      t.rich("table.until", {
                        ...richTags,
                        name: onCallNow.user.name,
                        muted: (chunks) => <span className="text-muted">{chunks}</span>,
                        time: () => <LocalTime iso={onCallNow.until.toISOString()} zone />,
                      })
                    ) : (
                      <span className="text-muted">{t("table.nobody")}</span>
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
