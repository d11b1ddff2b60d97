import { useTranslations } from "next-intl";
import { moveMemberAction, removeMemberAction } from "@/app/_actions/teams";
import type { TeamPerson } from "@/db/queries/teams";
import { richTags } from "@/components/i18n/rich";
import { Badge } from "@/components/ui/badge";
import { ConfirmActionForm } from "@/components/ui/confirm-action-form";
import { InlineActionForm } from "@/components/ui/inline-action-form";
import { buttonClass, tableClass } from "@/components/ui/styles";
import { TableScroll } from "@/components/ui/table-scroll";
import { AddMemberForm } from "./add-member-form";

/** Members in rotation order, each movable up or down and removable after a confirmation. */
export function MembersSection({ team, members, people }: { team: { slug: string; name: string }; members: (TeamPerson & { active: boolean })[]; people: TeamPerson[] }) {
  const teams = useTranslations("Teams");
  const t = useTranslations("Teams.membersSection");
  const outside = people.filter((p) => !members.some((m) => m.id === p.id));
  return (
    <section aria-labelledby="members-heading" className="space-y-4">
      <h2 id="members-heading" className="text-lg font-semibold">
        {t("heading")}
      </h2>
      <p className="text-sm text-muted">{t("hint")}</p>
      {members.length ? (
        <TableScroll label={t("heading")}>
          <table className={tableClass}>
            <caption className="sr-only">{t.rich("caption", { ...richTags, team: team.name })}</caption>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t("name")}</th>
                <th scope="col">{t("email")}</th>
                <th scope="col">{t("actions")}</th>
              </tr>
            </thead>
            <tbody>
              {members.map((m, i) => (
                <tr key={m.id}>
                  <td>{i + 1}</td>
                  <th scope="row" className="font-medium">
                    <span translate="no">{m.name}</span>
                    {/* Still listed so an admin sees why the rotation skips them, and removes them. */}
                    {m.active ? null : (
                      <span className="ms-2">
                        <Badge tone="danger">{t("deactivated")}</Badge>
                      </span>
                    )}
                  </th>
                  <td translate="no">{m.email}</td>
                  <td>
                    <div className="flex flex-wrap items-center gap-2">
                      {i > 0 ? (
                        <InlineActionForm action={moveMemberAction} hidden={{ team: team.slug, userId: m.id, direction: "up" }} label={t("moveUp")}>
                          <button type="submit" className={buttonClass.secondary}>
                            {t.rich("up", { ...richTags, name: m.name })}
                          </button>
                        </InlineActionForm>
                      ) : null}
                      {i < members.length - 1 ? (
                        <InlineActionForm action={moveMemberAction} hidden={{ team: team.slug, userId: m.id, direction: "down" }} label={t("moveDown")}>
                          <button type="submit" className={buttonClass.secondary}>
                            {t.rich("down", { ...richTags, name: m.name })}
                          </button>
                        </InlineActionForm>
                      ) : null}
                      <ConfirmActionForm
                        action={removeMemberAction}
                        hidden={{ team: team.slug, userId: m.id }}
                        label={t("removeLabel")}
                        trigger={t.rich("remove", { ...richTags, name: m.name })}
                        title={t.rich("removeTitle", { ...richTags, name: m.name, team: team.name })}
                        confirm={t("removeConfirm")}
                      >
                        <p>{t("removeBody")}</p>
                        <p>{t("removeKeep")}</p>
                      </ConfirmActionForm>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : (
        <p className="text-sm text-muted">{teams("noMembers")}</p>
      )}
      <AddMemberForm team={team.slug} people={outside} />
    </section>
  );
}
