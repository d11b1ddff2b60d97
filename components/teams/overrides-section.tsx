import { useTranslations } from "next-intl";
import { removeOverrideAction } from "@/app/_actions/teams";
import type { OverrideRow, TeamPerson } from "@/db/queries/teams";
import { richTags } from "@/components/i18n/rich";
import { ConfirmActionForm } from "@/components/ui/confirm-action-form";
import { LocalTime } from "@/components/ui/local-time";
import { tableClass } from "@/components/ui/styles";
import { TableScroll } from "@/components/ui/table-scroll";
import { OverrideForm } from "./override-form";

/** One-off cover on top of the rotation: current and coming overrides, and a form to add one. */
export function OverridesSection({ team, overrides, people }: { team: { slug: string; name: string }; overrides: OverrideRow[]; people: TeamPerson[] }) {
  const t = useTranslations("Teams.overrides");
  return (
    <section aria-labelledby="overrides-heading" className="space-y-4">
      <h2 id="overrides-heading" className="text-lg font-semibold">
        {t("heading")}
      </h2>
      <p className="text-sm text-muted">{t("hint")}</p>
      {overrides.length ? (
        <TableScroll label={t("heading")}>
          <table className={tableClass}>
            <caption className="sr-only">{t("caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("who")}</th>
                <th scope="col">{t("from")}</th>
                <th scope="col">{t("until")}</th>
                <th scope="col">{t("reason")}</th>
                <th scope="col">{t("remove")}</th>
              </tr>
            </thead>
            <tbody>
              {overrides.map((o) => (
                <tr key={o.id}>
                  <th scope="row" className="font-medium" translate="no">
                    {o.user.name}
                  </th>
                  <td>
                    <LocalTime iso={o.startsAt.toISOString()} zone />
                  </td>
                  <td>
                    <LocalTime iso={o.endsAt.toISOString()} zone />
                  </td>
                  <td translate="no">{o.reason ?? <span className="text-muted">—</span>}</td>
                  <td>
                    <ConfirmActionForm
                      action={removeOverrideAction}
                      hidden={{ team: team.slug, id: String(o.id) }}
                      label={t("removeLabel")}
                      trigger={t.rich("removeTrigger", { ...richTags, name: o.user.name })}
                      title={t.rich("removeTitle", { ...richTags, name: o.user.name })}
                      confirm={t("removeConfirm")}
                    >
                      <p>{t("removeBody")}</p>
                    </ConfirmActionForm>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
      <OverrideForm team={team.slug} people={people} />
    </section>
  );
}
