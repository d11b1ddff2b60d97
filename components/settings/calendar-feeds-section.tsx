/* eslint-disable no-restricted-syntax, react/jsx-no-literals -- issue 19: this file's UI text is not yet in the message catalogs */
import type { CalendarFeed } from "@/db/schema";
import { removeCalendarFeed } from "@/app/_actions/calendar-feeds";
import { Badge } from "@/components/ui/badge";
import { ConfirmActionForm } from "@/components/ui/confirm-action-form";
import { LocalTime } from "@/components/ui/local-time";
import { tableClass } from "@/components/ui/styles";
import { TableScroll } from "@/components/ui/table-scroll";
import { CreateCalendarFeedForm } from "./create-calendar-feed-form";

export function CalendarFeedsSection({ feeds, teams, baseUrl }: { feeds: CalendarFeed[]; teams: string[]; baseUrl: string }) {
  return (
    <section aria-labelledby="calendar-feeds-heading" className="space-y-4">
      <h2 id="calendar-feeds-heading" className="text-lg font-semibold">
        Calendar feeds
      </h2>
      <p className="text-sm text-muted">
        A secret iCal link to a team&apos;s planned changes and freezes (or everyone&apos;s), with conflicts noted, for people&apos;s own calendar apps. Anyone
        holding the link can read those titles: revoke it if it leaks.
      </p>
      {feeds.length ? (
        <TableScroll label="Calendar feeds">
          <table className={tableClass}>
            <caption className="sr-only">Calendar feeds</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Team</th>
                <th scope="col">Created</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {feeds.map((f) => (
                <tr key={f.id}>
                  <th scope="row" className="font-medium">
                    {f.name}
                  </th>
                  <td>{f.team ?? "all teams"}</td>
                  <td>
                    <LocalTime iso={f.createdAt.toISOString()} />
                  </td>
                  <td>
                    {f.revokedAt ? (
                      <Badge tone="danger">revoked</Badge>
                    ) : (
                      <div className="flex flex-wrap items-center gap-2">
                        <Badge tone="success">active</Badge>
                        <ConfirmActionForm
                          action={removeCalendarFeed}
                          hidden={{ id: String(f.id) }}
                          label={`Revoke ${f.name}`}
                          trigger={
                            <>
                              Revoke<span className="sr-only"> calendar feed {f.name}</span>
                            </>
                          }
                          title={`Revoke the calendar feed “${f.name}”?`}
                          confirm="Revoke calendar feed"
                        >
                          <p>Calendars subscribed to this link stop receiving changes and freezes at their next refresh.</p>
                          <p>This cannot be undone: to share the calendar again, create a new feed and subscribe to it anew.</p>
                        </ConfirmActionForm>
                      </div>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
      <CreateCalendarFeedForm teams={teams} baseUrl={baseUrl} />
    </section>
  );
}
