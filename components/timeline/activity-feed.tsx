import { groupByDay, type ActivityItem } from "@/lib/activity/recent-activity";
import { Badge } from "@/components/ui/badge";
import { LocalTime } from "@/components/ui/local-time";

const KIND_LABEL = { deployment: "Deployment", incident: "Incident", change: "Change" } as const;

export function ActivityFeed({ items }: { items: ActivityItem[] }) {
  return (
    <div className="space-y-6">
      {groupByDay(items).map((group) => (
        <section key={group.day} aria-labelledby={`day-${group.day}`}>
          <h2 id={`day-${group.day}`} className="mb-2 text-sm font-semibold text-muted">
            {new Intl.DateTimeFormat("en-GB", { dateStyle: "full", timeZone: "UTC" }).format(new Date(group.day))}
          </h2>
          <ol className="divide-y divide-border rounded-lg border border-border">
            {group.items.map((item) => (
              <li key={item.key} className="flex flex-wrap items-baseline gap-x-3 gap-y-1 px-3 py-2 text-sm">
                <span className="w-20 shrink-0 text-muted">
                  <LocalTime iso={item.at.toISOString()} withDate={false} />
                </span>
                <Badge>{KIND_LABEL[item.kind]}</Badge>
                <span className="font-medium">{item.summary}</span>
                <span className="text-muted">{item.detail}</span>
              </li>
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}
