import { useTranslations } from "next-intl";
import type { ActionItemRow } from "@/db/queries/action-items";
import type { ChangeRow, IncidentRow } from "@/db/queries/lists";
import { ChangeTable } from "@/components/changes/change-table";
import { ActionItemList } from "@/components/incidents/action-item-list";
import { IncidentTable } from "@/components/incidents/incident-table";
import { richTags } from "@/components/i18n/rich";
import { EmptyState } from "@/components/ui/empty-state";
import { LocalTime } from "@/components/ui/local-time";
import { cardClass } from "@/components/ui/styles";

/** A person's coming on-call shift, as the on-call rotation works it out. */
export type OnCallShift = { team: string; startsAt: Date; endsAt: Date };

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-3">
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

/**
 * "My work": what waits for the signed-in person. `nextOnCallShift` is their next on-call shift; the
 * section shows only when one is given (none scheduled, or no rotation: nothing is shown).
 */
export function MyWork({
  approvals,
  incidents,
  actionItems,
  now,
  canEdit,
  nextOnCallShift,
}: {
  /** Change requests they may decide; null when their role does not approve. */
  approvals: ChangeRow[] | null;
  incidents: IncidentRow[];
  actionItems: ActionItemRow[];
  now: Date;
  /** Whether their role may mark items done (a person demoted to viewer keeps their items, read-only). */
  canEdit: boolean;
  nextOnCallShift?: OnCallShift | null;
}) {
  const t = useTranslations("MyWork");
  const nothing = !approvals?.length && !incidents.length && !actionItems.length && !nextOnCallShift;
  if (nothing) return <EmptyState title={t("emptyTitle")}>{t("emptyBody")}</EmptyState>;
  return (
    <div className="space-y-8">
      {nextOnCallShift ? (
        <Section id="my-on-call" title={t("nextShift")}>
          <p className={`${cardClass} text-sm`} data-testid="next-on-call">
            {t.rich("nextShiftLine", {
              ...richTags,
              team: nextOnCallShift.team,
              from: () => <LocalTime iso={nextOnCallShift.startsAt.toISOString()} zone />,
              until: () => <LocalTime iso={nextOnCallShift.endsAt.toISOString()} zone />,
            })}
          </p>
        </Section>
      ) : null}
      <Section id="my-action-items" title={t("actionItems", { count: actionItems.length })}>
        {actionItems.length ? (
          <ActionItemList rows={actionItems} now={now} caption={t("actionItemsCaption")} show={{ incident: true }} canEdit={canEdit} />
        ) : (
          <p className="text-sm text-muted">{t("noActionItems")}</p>
        )}
      </Section>
      <Section id="my-incidents" title={t("incidents", { count: incidents.length })}>
        {incidents.length ? <IncidentTable rows={incidents} caption={t("incidentsCaption")} /> : <p className="text-sm text-muted">{t("noIncidents")}</p>}
      </Section>
      {approvals ? (
        <Section id="my-approvals" title={t("approvals", { count: approvals.length })}>
          {approvals.length ? <ChangeTable rows={approvals} caption={t("approvalsCaption")} /> : <p className="text-sm text-muted">{t("noApprovals")}</p>}
        </Section>
      ) : null}
    </div>
  );
}
