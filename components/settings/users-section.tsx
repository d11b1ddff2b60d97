/* eslint-disable no-restricted-syntax, react/jsx-no-literals -- issue 19: this file's UI text is not yet in the message catalogs */
import type { UserSummary } from "@/db/queries/users";
import { changeRole, setActive } from "@/app/_actions/users";
import { USER_ROLES } from "@/lib/auth/roles";
import { Badge } from "@/components/ui/badge";
import { InlineActionForm } from "@/components/ui/inline-action-form";
import { buttonClass, inputClass, tableClass } from "@/components/ui/styles";
import { CreateUserForm } from "./create-user-form";
import { TableScroll } from "@/components/ui/table-scroll";

export function UsersSection({ users, currentUserId }: { users: UserSummary[]; currentUserId: string }) {
  return (
    <section aria-labelledby="users-heading" className="space-y-4">
      <h2 id="users-heading" className="text-lg font-semibold">
        Users
      </h2>
      <TableScroll label="Users and their roles">
        <table className={tableClass}>
          <caption className="sr-only">Users and their roles</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <td className="font-medium">
                  {u.name} {u.id === currentUserId ? <Badge tone="accent">you</Badge> : null}
                </td>
                <td>{u.email}</td>
                <td>
                  <InlineActionForm action={changeRole} hidden={{ userId: u.id }} label={`Role of ${u.name}`}>
                    <label htmlFor={`role-${u.id}`} className="sr-only">
                      Role of {u.name}
                    </label>
                    <select id={`role-${u.id}`} name="role" defaultValue={u.role} className={`${inputClass} w-36`}>
                      {USER_ROLES.map((role) => (
                        <option key={role} value={role}>
                          {role}
                        </option>
                      ))}
                    </select>
                    <button type="submit" className={buttonClass.secondary}>
                      Save<span className="sr-only"> role of {u.name}</span>
                    </button>
                  </InlineActionForm>
                </td>
                <td>
                  <InlineActionForm action={setActive} hidden={{ userId: u.id, active: String(Boolean(u.banned)) }} label={`Access of ${u.name}`}>
                    <Badge tone={u.banned ? "danger" : "success"}>{u.banned ? "deactivated" : "active"}</Badge>
                    {u.id === currentUserId ? null : (
                      <button type="submit" className={u.banned ? buttonClass.secondary : buttonClass.danger}>
                        {u.banned ? "Activate" : "Deactivate"}
                        <span className="sr-only"> {u.name}</span>
                      </button>
                    )}
                  </InlineActionForm>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <h3 className="text-base font-semibold">Add a user</h3>
      <CreateUserForm />
    </section>
  );
}
