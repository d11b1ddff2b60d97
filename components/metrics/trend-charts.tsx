import { useTranslations } from "next-intl";
import { drilldownHref, seriesCsvHref, weekWindow } from "@/lib/dora/links";
import type { Metrics } from "@/lib/dora/metrics";
import type { MetricsQuery } from "@/lib/dora/query";
import { chartWeeks } from "@/lib/dora/weeks";
import { TrendChart, type TrendPoint } from "@/components/charts/trend-chart";

/** Weekly trends of the four keys; each point opens the rows of its week. */
export function TrendCharts({ metrics, query }: { metrics: Metrics; query: MetricsQuery }) {
  const t = useTranslations("Metrics.trends");
  const weeks = chartWeeks(metrics.series, query);
  const points = (pick: (w: Metrics["series"][number]) => number | null, kind: Parameters<typeof drilldownHref>[0]): TrendPoint[] =>
    weeks.map((w) => ({ weekStart: w.weekStart, value: pick(w), days: w.days, href: drilldownHref(kind, query, weekWindow(w.weekStart)) }));
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <p className="text-sm lg:col-span-2">
        <a className="text-accent underline" href={seriesCsvHref(query)} download>
          {t("csv")}
        </a>
      </p>
      <TrendChart title={t("deployments")} kind="bar" format="count" points={points((w) => w.deployments, "deployments")} />
      <TrendChart title={t("leadTime")} kind="line" format="duration" points={points((w) => w.leadTimeMedianSeconds, "lead-time")} />
      <TrendChart title={t("changeFailureRate")} kind="line" format="percent" points={points((w) => w.changeFailureRate, "failures")} />
      <TrendChart title={t("recoveryTime")} kind="line" format="duration" points={points((w) => w.recoveryMedianSeconds, "failures")} />
    </div>
  );
}
