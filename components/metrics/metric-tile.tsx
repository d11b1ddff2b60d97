import Link from "next/link";
import type { Change } from "@/lib/dora/compare";
import type { Level } from "@/lib/dora/levels";
import { Sparkline } from "@/components/charts/sparkline";
import { cardClass } from "@/components/ui/styles";
import { ChangeIndicator } from "./change-indicator";
import { LevelBadge } from "./level-badge";

export type TileProps = {
  id: string;
  title: string;
  value: string;
  detail: string;
  level?: Level | null;
  thresholds?: Record<Level, string>;
  change: Change;
  trend: (number | null)[];
  href: string;
};

export function MetricTile({ id, title, value, detail, level, thresholds, change, trend, href }: TileProps) {
  return (
    <section aria-labelledby={`${id}-title`} className={`${cardClass} flex flex-col gap-2`} data-testid={`tile-${id}`}>
      <div className="flex items-start justify-between gap-2">
        <h2 id={`${id}-title`} className="text-sm font-medium text-muted">
          <Link href={href} className="hover:underline">
            {title}
          </Link>
        </h2>
        {level !== undefined ? <LevelBadge id={id} level={level} thresholds={thresholds} /> : null}
      </div>
      <p className="text-3xl font-semibold tabular-nums" data-testid={`value-${id}`}>
        {value}
      </p>
      <p className="text-xs text-muted">{detail}</p>
      <ChangeIndicator change={change} />
      {trend.length ? <Sparkline values={trend} /> : null}
    </section>
  );
}
