/* eslint-disable react/jsx-no-literals -- issue 19: this file's UI text is not yet in the message catalogs */
import Link from "next/link";
import { setActionItemStatusAction } from "@/app/_actions/action-items";
import type { ActionItemRow } from "@/db/queries/action-items";
import { getDatabase } from "@/db/client";
import { teamActionItems } from "@/lib/action-items/items";
import { isOverdue } from "@/lib/action-items/overdue";
import { formatCalendarDay, SERVER_DATE_CONTEXT } from "@/lib/format";
import { Badge } from "@/components/ui/badge";
import { InlineActionForm } from "@/components/ui/inline-action-form";
import { buttonClass, tableClass } from "@/components/ui/styles";
import { TableScroll } from "@/components/ui/table-scroll";
import { STATUS_WORDS } from "./action-item-status";

/**
 * A table of action items, overdue ones marked: on an incident and its postmortem, on a person's "My
 * work" and on a team's page (`teamActionItems`). `show` picks the columns that say something where it
 * is placed; `canEdit` adds one-click "Done" / "Reopen" buttons.
 */
export function ActionItemList({
  rows,
  now,
  caption,
  show = { incident: true, owner: true },
  canEdit = false,
}: {
  rows: ActionItemRow[];
  now: Date;
  caption: string;
  show?: { incident?: boolean; owner?: boolean };
  canEdit?: boolean;
}) {
  return (
    <TableScroll label={caption}>
      <table className={tableClass}>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Action item</th>
            {show.incident ? <th scope="col">Incident</th> : null}
            {show.owner ? <th scope="col">Owner</th> : null}
            <th scope="col">Due</th>
            <th scope="col">Status</th>
            {canEdit ? <th scope="col">Change</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((item) => {
            const overdue = isOverdue(item, now);
            return (
              <tr key={item.id} data-testid="action-item">
                <td className="font-medium">
                  {item.title}
                  {item.url ? (
                    <>
                      {" "}
                      <a href={item.url} className="text-accent underline" rel="noopener noreferrer nofollow" target="_blank">
                        link<span className="sr-only"> for {item.title} (opens in a new tab)</span>
                      </a>
                    </>
                  ) : null}
                </td>
                {show.incident ? (
                  <td>
                    <Link href={`/incidents/${item.incidentId}`} className="text-accent hover:underline">
                      #{item.incidentId} {item.incidentTitle}
                    </Link>
                  </td>
                ) : null}
                {show.owner ? <td>{item.ownerName}</td> : null}
                <td className="whitespace-nowrap">
                  <time dateTime={item.dueOn}>{formatCalendarDay(item.dueOn, SERVER_DATE_CONTEXT, "date")}</time> {overdue ? <Badge tone="danger">Overdue</Badge> : null}
                </td>
                <td>
                  <Badge tone={item.status === "done" ? "success" : "neutral"}>{STATUS_WORDS[item.status]}</Badge>
                </td>
                {canEdit ? (
                  <td>
                    <InlineActionForm action={setActionItemStatusAction} hidden={{ actionItemId: String(item.id), status: item.status === "open" ? "done" : "open" }} label={`Change ${item.title}`}>
                      <button type="submit" className={buttonClass.secondary} aria-label={`${item.status === "open" ? "Done" : "Reopen"}: ${item.title}`}>
                        {item.status === "open" ? "Done" : "Reopen"}
                      </button>
                    </InlineActionForm>
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** A team's open follow-ups (its services' incidents'), overdue first, ready for the team page. */
export async function TeamActionItems({ team, canEdit = false }: { team: string; canEdit?: boolean }) {
  const rows = await teamActionItems(getDatabase().read, team);
  if (!rows.length) return <p className="text-sm text-muted">No open follow-ups.</p>;
  return <ActionItemList rows={rows} now={new Date()} caption={`Open follow-ups of team ${team}`} canEdit={canEdit} />;
}
