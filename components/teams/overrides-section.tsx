/* eslint-disable no-restricted-syntax, react/jsx-no-literals -- issue 19: this file's UI text is not yet in the message catalogs */
import { removeOverrideAction } from "@/app/_actions/teams";
import type { OverrideRow, TeamPerson } from "@/db/queries/teams";
import { ConfirmActionForm } from "@/components/ui/confirm-action-form";
import { LocalTime } from "@/components/ui/local-time";
import { tableClass } from "@/components/ui/styles";
import { TableScroll } from "@/components/ui/table-scroll";
import { OverrideForm } from "./override-form";

/** One-off cover on top of the rotation: current and coming overrides, and a form to add one. */
export function OverridesSection({ team, overrides, people }: { team: { slug: string; name: string }; overrides: OverrideRow[]; people: TeamPerson[] }) {
  return (
    <section aria-labelledby="overrides-heading" className="space-y-4">
      <h2 id="overrides-heading" className="text-lg font-semibold">
        Overrides
      </h2>
      <p className="text-sm text-muted">Someone covers part of a shift (&ldquo;I take Friday night for Ana&rdquo;). Overrides may not overlap one another.</p>
      {overrides.length ? (
        <TableScroll label="Overrides">
          <table className={tableClass}>
            <caption className="sr-only">Current and coming overrides</caption>
            <thead>
              <tr>
                <th scope="col">Who</th>
                <th scope="col">From</th>
                <th scope="col">Until</th>
                <th scope="col">Reason</th>
                <th scope="col">Remove</th>
              </tr>
            </thead>
            <tbody>
              {overrides.map((o) => (
                <tr key={o.id}>
                  <th scope="row" className="font-medium">
                    {o.user.name}
                  </th>
                  <td>
                    <LocalTime iso={o.startsAt.toISOString()} zone />
                  </td>
                  <td>
                    <LocalTime iso={o.endsAt.toISOString()} zone />
                  </td>
                  <td>{o.reason ?? <span className="text-muted">—</span>}</td>
                  <td>
                    <ConfirmActionForm
                      action={removeOverrideAction}
                      hidden={{ team: team.slug, id: String(o.id) }}
                      label={`Remove the override for ${o.user.name}`}
                      trigger={
                        <>
                          Remove<span className="sr-only"> the override for {o.user.name}</span>
                        </>
                      }
                      title={`Remove ${o.user.name}'s override?`}
                      confirm="Remove override"
                    >
                      <p>The rotation decides who is on call for that time again.</p>
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
