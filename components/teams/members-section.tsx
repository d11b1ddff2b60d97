/* eslint-disable no-restricted-syntax, react/jsx-no-literals -- issue 19: this file's UI text is not yet in the message catalogs */
import { moveMemberAction, removeMemberAction } from "@/app/_actions/teams";
import type { TeamPerson } from "@/db/queries/teams";
import { ConfirmActionForm } from "@/components/ui/confirm-action-form";
import { InlineActionForm } from "@/components/ui/inline-action-form";
import { buttonClass, tableClass } from "@/components/ui/styles";
import { TableScroll } from "@/components/ui/table-scroll";
import { AddMemberForm } from "./add-member-form";

/** Members in rotation order, each movable up or down and removable after a confirmation. */
export function MembersSection({ team, members, people }: { team: { slug: string; name: string }; members: TeamPerson[]; people: TeamPerson[] }) {
  const outside = people.filter((p) => !members.some((m) => m.id === p.id));
  return (
    <section aria-labelledby="members-heading" className="space-y-4">
      <h2 id="members-heading" className="text-lg font-semibold">
        Members
      </h2>
      <p className="text-sm text-muted">The rotation takes members in this order, then starts again at the top.</p>
      {members.length ? (
        <TableScroll label="Members">
          <table className={tableClass}>
            <caption className="sr-only">Members of {team.name}, in rotation order</caption>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Order and removal</th>
              </tr>
            </thead>
            <tbody>
              {members.map((m, i) => (
                <tr key={m.id}>
                  <td>{i + 1}</td>
                  <th scope="row" className="font-medium">
                    {m.name}
                  </th>
                  <td>{m.email}</td>
                  <td>
                    <div className="flex flex-wrap items-center gap-2">
                      {i > 0 ? (
                        <InlineActionForm action={moveMemberAction} hidden={{ team: team.slug, userId: m.id, direction: "up" }} label={`Move ${m.name} up`}>
                          <button type="submit" className={buttonClass.secondary}>
                            Up<span className="sr-only"> {m.name}</span>
                          </button>
                        </InlineActionForm>
                      ) : null}
                      {i < members.length - 1 ? (
                        <InlineActionForm action={moveMemberAction} hidden={{ team: team.slug, userId: m.id, direction: "down" }} label={`Move ${m.name} down`}>
                          <button type="submit" className={buttonClass.secondary}>
                            Down<span className="sr-only"> {m.name}</span>
                          </button>
                        </InlineActionForm>
                      ) : null}
                      <ConfirmActionForm
                        action={removeMemberAction}
                        hidden={{ team: team.slug, userId: m.id }}
                        label={`Remove ${m.name}`}
                        trigger={
                          <>
                            Remove<span className="sr-only"> {m.name}</span>
                          </>
                        }
                        title={`Remove ${m.name} from ${team.name}?`}
                        confirm="Remove member"
                      >
                        <p>They leave the rotation at once: the shifts after them move up, so who is on call may change now.</p>
                        <p>Overrides they already cover stay until you remove them.</p>
                      </ConfirmActionForm>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : (
        <p className="text-sm text-muted">No members yet.</p>
      )}
      <AddMemberForm team={team.slug} people={outside} />
    </section>
  );
}
