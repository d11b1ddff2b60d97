import { useTranslations } from "next-intl";
import type { UserSummary } from "@/db/queries/users";
import { changeRole, setActive } from "@/app/_actions/users";
import { USER_ROLES } from "@/lib/auth/roles";
import { Badge } from "@/components/ui/badge";
import { InlineActionForm } from "@/components/ui/inline-action-form";
import { buttonClass, inputClass, tableClass } from "@/components/ui/styles";
import { CreateUserForm } from "./create-user-form";
import { TableScroll } from "@/components/ui/table-scroll";
import { richTags } from "@/components/i18n/rich";

export function UsersSection({ users, currentUserId }: { users: UserSummary[]; currentUserId: string }) {
  const t = useTranslations("SettingsUsers");
  const roles = useTranslations("Shell.roles");
  return (
    <section aria-labelledby="users-heading" className="space-y-4">
      <h2 id="users-heading" className="text-lg font-semibold">
        {t("heading")}
      </h2>
      <TableScroll label={t("tableLabel")}>
        <table className={tableClass}>
          <caption className="sr-only">{t("tableLabel")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("name")}</th>
              <th scope="col">{t("email")}</th>
              <th scope="col">{t("role")}</th>
              <th scope="col">{t("status")}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => {
              const rich = { ...richTags, name: u.name };
              return (
                <tr key={u.id}>
                  <td className="font-medium">
                    <span translate="no">{u.name}</span> {u.id === currentUserId ? <Badge tone="accent">{t("you")}</Badge> : null}
                  </td>
                  <td translate="no">{u.email}</td>
                  <td>
                    <InlineActionForm action={changeRole} hidden={{ userId: u.id }} labelledBy={`role-${u.id}-label`}>
                      <label id={`role-${u.id}-label`} htmlFor={`role-${u.id}`} className="sr-only">
                        {t.rich("roleOf", rich)}
                      </label>
                      <select id={`role-${u.id}`} name="role" defaultValue={u.role} className={`${inputClass} w-36`}>
                        {USER_ROLES.map((role) => (
                          <option key={role} value={role}>
                            {roles(role)}
                          </option>
                        ))}
                      </select>
                      <button type="submit" className={buttonClass.secondary}>
                        {t.rich("saveRole", rich)}
                      </button>
                    </InlineActionForm>
                  </td>
                  <td>
                    <InlineActionForm action={setActive} hidden={{ userId: u.id, active: String(Boolean(u.banned)) }} labelledBy={`access-${u.id}-label`}>
                      <span id={`access-${u.id}-label`} className="sr-only">
                        {t.rich("accessOf", rich)}
                      </span>
                      <Badge tone={u.banned ? "danger" : "success"}>{u.banned ? t("deactivated") : t("active")}</Badge>
                      {u.id === currentUserId ? null : (
                        <button type="submit" className={u.banned ? buttonClass.secondary : buttonClass.danger}>
                          {t.rich(u.banned ? "activate" : "deactivate", rich)}
                        </button>
                      )}
                    </InlineActionForm>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
      <h3 className="text-base font-semibold">{t("addHeading")}</h3>
      <CreateUserForm />
    </section>
  );
}
