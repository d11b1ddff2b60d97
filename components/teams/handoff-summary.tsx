import Link from "next/link";
import { useTranslations } from "next-intl";
import type { HandoffSummary } from "@/lib/oncall/handoff";
import { handoffCounts } from "@/lib/oncall/handoff";
import { richTags } from "@/components/i18n/rich";
import { LocalTime } from "@/components/ui/local-time";

function List<T>({ items, empty, render }: { items: T[]; empty: string; render: (item: T) => React.ReactNode }) {
  if (!items.length) return <p className="text-sm text-muted">{empty}</p>;
  return <ul className="list-disc space-y-1 pl-5 text-sm">{items.map(render)}</ul>;
}

/**
 * The latest hand-off: what the outgoing shift saw, for the one that takes over. The stored summary is
 * structured (counts, times, items), so its frame and headline read in the page's language; the items'
 * own summaries are the timeline's English sentences written with each event, shown as data.
 */
export function HandoffSummaryView({ summary, outgoing, incoming }: { summary: HandoffSummary; outgoing: string | null; incoming: string | null }) {
  const t = useTranslations("Teams.handoffView");
  const times = { since: () => <LocalTime iso={summary.since} zone />, until: () => <LocalTime iso={summary.until} zone /> };
  const shift =
    outgoing && incoming
      ? t.rich("shiftFromTo", { ...richTags, ...times, outgoing, incoming })
      : outgoing
        ? t.rich("shiftFrom", { ...richTags, ...times, outgoing })
        : incoming
          ? t.rich("shiftTo", { ...richTags, ...times, incoming })
          : t.rich("shift", times);
  return (
    <div className="space-y-4 rounded-md border border-border p-4">
      <p className="text-sm">{shift}</p>
      <p className="text-sm font-medium">{t("headline", handoffCounts(summary))}</p>
      <div className="grid gap-4 md:grid-cols-2">
        <div>
          <h3 className="mb-1 text-sm font-semibold">{t("deployments")}</h3>
          <List
            items={summary.deployments.items}
            empty={t("none")}
            render={(d) => (
              <li key={`${d.id}-${d.at}`}>
                <Link href={`/deployments/${d.id}`} className="text-accent underline" translate="no">
                  {d.summary}
                </Link>
              </li>
            )}
          />
        </div>
        <div>
          <h3 className="mb-1 text-sm font-semibold">{t("incidentsOpened")}</h3>
          <List
            items={summary.incidents.opened}
            empty={t("none")}
            render={(i) => (
              <li key={i.id}>
                <Link href={`/incidents/${i.id}`} className="text-accent underline" translate="no">
                  {i.summary}
                </Link>
                {i.stillOpen ? t("stillOpen") : t("resolved")}
              </li>
            )}
          />
        </div>
        <div>
          <h3 className="mb-1 text-sm font-semibold">{t("changesApproved")}</h3>
          <List
            items={summary.changes.approved}
            empty={t("none")}
            render={(c) => (
              <li key={c.id}>
                <Link href={`/changes/${c.id}`} className="text-accent underline" translate="no">
                  {c.summary}
                </Link>
              </li>
            )}
          />
        </div>
        <div>
          <h3 className="mb-1 text-sm font-semibold">{t("changesWaiting")}</h3>
          <List
            items={summary.changes.waiting}
            empty={t("none")}
            render={(c) => (
              <li key={c.id}>
                <Link href={`/changes/${c.id}`} className="text-accent underline" translate="no">
                  {c.title}
                </Link>{" "}
                (<span translate="no">{c.service}</span>)
              </li>
            )}
          />
        </div>
        <div className="md:col-span-2">
          <h3 className="mb-1 text-sm font-semibold">{t("freezesAhead")}</h3>
          <List
            items={summary.freezesAhead}
            empty={t("none")}
            render={(f) => {
              const values = { ...richTags, name: f.name, from: () => <LocalTime iso={f.startsAt} zone />, until: () => <LocalTime iso={f.endsAt} zone /> };
              return <li key={`${f.name}-${f.startsAt}`}>{f.service ? t.rich("freezeOne", { ...values, service: f.service }) : t.rich("freezeAll", values)}</li>;
            }}
          />
        </div>
      </div>
    </div>
  );
}
