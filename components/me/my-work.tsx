/* eslint-disable no-restricted-syntax, react/jsx-no-literals -- issue 19: this file's UI text is not yet in the message catalogs */
import type { ActionItemRow } from "@/db/queries/action-items";
import type { ChangeRow, IncidentRow } from "@/db/queries/lists";
import { ChangeTable } from "@/components/changes/change-table";
import { ActionItemList } from "@/components/incidents/action-item-list";
import { IncidentTable } from "@/components/incidents/incident-table";
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
  const nothing = !approvals?.length && !incidents.length && !actionItems.length && !nextOnCallShift;
  if (nothing) return <EmptyState title="Nothing waiting for you">Changes to decide, incidents you lead and action items you own show up here, with their count in the navigation.</EmptyState>;
  return (
    <div className="space-y-8">
      {nextOnCallShift ? (
        <Section id="my-on-call" title="Your next on-call shift">
          <p className={`${cardClass} text-sm`} data-testid="next-on-call">
            Team {nextOnCallShift.team}, from <LocalTime iso={nextOnCallShift.startsAt.toISOString()} zone /> until <LocalTime iso={nextOnCallShift.endsAt.toISOString()} zone />
          </p>
        </Section>
      ) : null}
      <Section id="my-action-items" title={`Action items you own (${actionItems.length})`}>
        {actionItems.length ? (
          <ActionItemList rows={actionItems} now={now} caption="Action items you own, overdue first" show={{ incident: true }} canEdit={canEdit} />
        ) : (
          <p className="text-sm text-muted">None open.</p>
        )}
      </Section>
      <Section id="my-incidents" title={`Incidents you lead (${incidents.length})`}>
        {incidents.length ? <IncidentTable rows={incidents} caption="Open incidents you lead" /> : <p className="text-sm text-muted">None open.</p>}
      </Section>
      {approvals ? (
        <Section id="my-approvals" title={`Changes waiting for your decision (${approvals.length})`}>
          {approvals.length ? <ChangeTable rows={approvals} caption="Change requests waiting for your decision" /> : <p className="text-sm text-muted">None waiting.</p>}
        </Section>
      ) : null}
    </div>
  );
}
