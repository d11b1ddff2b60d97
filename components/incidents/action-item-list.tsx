import Link from "next/link";
import { useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
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

const data = (chunks: React.ReactNode) => <span translate="no">{chunks}</span>;
const sr = (chunks: React.ReactNode) => <span className="sr-only">{chunks}</span>;

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
  const t = useTranslations("ActionItems");
  const nouns = useTranslations("Terms.nouns");
  return (
    <TableScroll label={caption}>
      <table className={tableClass}>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("item")}</th>
            {show.incident ? <th scope="col">{nouns("incident")}</th> : null}
            {show.owner ? <th scope="col">{nouns("owner")}</th> : null}
            <th scope="col">{t("due")}</th>
            <th scope="col">{nouns("status")}</th>
            {canEdit ? <th scope="col">{t("change")}</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((item) => {
            const overdue = isOverdue(item, now);
            // The button's name carries the title (read out, not shown), so each row's button is told apart;
            // the whole name in one hidden span, as Chrome puts a space before a hidden span's text.
            const toggle = item.status === "open" ? "done" : "reopen";
            return (
              <tr key={item.id} data-testid="action-item">
                <td className="font-medium">
                  <span translate="no">{item.title}</span>
                  {item.url ? (
                    <>
                      {" "}
                      <a href={item.url} className="text-accent underline" rel="noopener noreferrer nofollow" target="_blank">
                        {t.rich("link", { title: item.title, sr, data })}
                      </a>
                    </>
                  ) : null}
                </td>
                {show.incident ? (
                  <td>
                    <Link href={`/incidents/${item.incidentId}`} className="text-accent hover:underline">
                      #{item.incidentId} <span translate="no">{item.incidentTitle}</span>
                    </Link>
                  </td>
                ) : null}
                {show.owner ? <td translate="no">{item.ownerName}</td> : null}
                <td className="whitespace-nowrap">
                  <time dateTime={item.dueOn}>{formatCalendarDay(item.dueOn, SERVER_DATE_CONTEXT, "date")}</time> {overdue ? <Badge tone="danger">{t("overdue")}</Badge> : null}
                </td>
                <td>
                  <Badge tone={item.status === "done" ? "success" : "neutral"}>{t(`status.${item.status}`)}</Badge>
                </td>
                {canEdit ? (
                  <td>
                    <InlineActionForm action={setActionItemStatusAction} hidden={{ actionItemId: String(item.id), status: item.status === "open" ? "done" : "open" }} label={t("changeForm")}>
                      <button type="submit" className={buttonClass.secondary}>
                        <span aria-hidden="true">{t(toggle)}</span>
                        <span className="sr-only">{t.rich(`${toggle}Name`, { title: item.title, data })}</span>
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
  const t = await getTranslations("ActionItems");
  const rows = await teamActionItems(getDatabase().read, team);
  if (!rows.length) return <p className="text-sm text-muted">{t("noneOpen")}</p>;
  return <ActionItemList rows={rows} now={new Date()} caption={t("teamCaption", { team })} canEdit={canEdit} />;
}
