/* eslint-disable react/jsx-no-literals -- issue 19: this file's UI text is not yet in the message catalogs */
import Link from "next/link";
import type { HandoffSummary } from "@/lib/oncall/handoff";
import { handoffHeadline } from "@/lib/oncall/handoff";
import { LocalTime } from "@/components/ui/local-time";

function List<T>({ items, empty, render }: { items: T[]; empty: string; render: (item: T) => React.ReactNode }) {
  if (!items.length) return <p className="text-sm text-muted">{empty}</p>;
  return <ul className="list-disc space-y-1 pl-5 text-sm">{items.map(render)}</ul>;
}

/** The latest hand-off: what the outgoing shift saw, for the one that takes over. */
export function HandoffSummaryView({ summary, outgoing, incoming }: { summary: HandoffSummary; outgoing: string | null; incoming: string | null }) {
  return (
    <div className="space-y-4 rounded-md border border-border p-4">
      <p className="text-sm">
        Shift from <LocalTime iso={summary.since} zone /> to <LocalTime iso={summary.until} zone />
        {outgoing ? `, ${outgoing}` : ""}
        {incoming ? ` handing over to ${incoming}` : ""}.
      </p>
      <p className="text-sm font-medium">{handoffHeadline(summary)}</p>
      <div className="grid gap-4 md:grid-cols-2">
        <div>
          <h3 className="mb-1 text-sm font-semibold">Deployments</h3>
          <List items={summary.deployments.items} empty="None." render={(d) => <li key={`${d.id}-${d.at}`}><Link href={`/deployments/${d.id}`} className="text-accent underline">{d.summary}</Link></li>} />
        </div>
        <div>
          <h3 className="mb-1 text-sm font-semibold">Incidents opened</h3>
          <List items={summary.incidents.opened} empty="None." render={(i) => <li key={i.id}><Link href={`/incidents/${i.id}`} className="text-accent underline">{i.summary}</Link>{i.stillOpen ? " (still open)" : " (resolved)"}</li>} />
        </div>
        <div>
          <h3 className="mb-1 text-sm font-semibold">Changes approved</h3>
          <List items={summary.changes.approved} empty="None." render={(c) => <li key={c.id}><Link href={`/changes/${c.id}`} className="text-accent underline">{c.summary}</Link></li>} />
        </div>
        <div>
          <h3 className="mb-1 text-sm font-semibold">Changes waiting</h3>
          <List items={summary.changes.waiting} empty="None." render={(c) => <li key={c.id}><Link href={`/changes/${c.id}`} className="text-accent underline">{c.title}</Link> ({c.service})</li>} />
        </div>
        <div className="md:col-span-2">
          <h3 className="mb-1 text-sm font-semibold">Freezes in the next shift</h3>
          <List items={summary.freezesAhead} empty="None." render={(f) => <li key={`${f.name}-${f.startsAt}`}>{f.name}{f.service ? ` (${f.service})` : " (every service)"}: <LocalTime iso={f.startsAt} zone /> to <LocalTime iso={f.endsAt} zone /></li>} />
        </div>
      </div>
    </div>
  );
}
