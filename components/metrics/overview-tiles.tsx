import { useLocale, useTranslations } from "next-intl";
import { periodChanges } from "@/lib/dora/compare";
import type { LevelMetric } from "@/lib/dora/levels";
import { drilldownHref } from "@/lib/dora/links";
import type { Metrics } from "@/lib/dora/metrics";
import type { MetricsQuery } from "@/lib/dora/query";
import { formatDuration, formatFrequency, formatPercent } from "@/lib/format";
import { levelThresholds } from "./level-thresholds";
import { MetricTile } from "./metric-tile";

/** The four keys, rework and time to restore, each against the previous period of the same length. */
export function OverviewTiles({ metrics: m, previous: p, query }: { metrics: Metrics; previous: Metrics; query: MetricsQuery }) {
  const t = useTranslations("Metrics.tiles");
  const term = useTranslations("Terms.metrics");
  const bound = useTranslations("Metrics.bound");
  const locale = useLocale();
  const thresholds = (metric: LevelMetric) => levelThresholds(metric, locale, (b, value) => bound(b, { value }));
  const duration = (seconds: number | null) => formatDuration(seconds, locale);
  const series = m.series;
  const change = periodChanges(m, p);
  return (
    <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3 2xl:grid-cols-6">
      <MetricTile
        id="deployment-frequency"
        title={term("deploymentFrequency")}
        value={formatFrequency(m.deploymentFrequency.perDay, locale)}
        detail={t("deploymentsDetail", { deployments: m.deploymentFrequency.deployments, days: m.deploymentFrequency.deployDays })}
        level={m.deploymentFrequency.level}
        thresholds={thresholds("deploymentFrequency")}
        change={change.deploymentFrequency}
        trend={series.map((w) => w.deployments)}
        href={drilldownHref("deployments", query)}
      />
      <MetricTile
        id="lead-time"
        title={term("leadTime")}
        value={duration(m.leadTime.medianSeconds)}
        detail={t("leadTimeDetail", { changes: m.leadTime.changes, p90: duration(m.leadTime.p90Seconds) })}
        level={m.leadTime.level}
        thresholds={thresholds("leadTime")}
        change={change.leadTime}
        trend={series.map((w) => w.leadTimeMedianSeconds)}
        href={drilldownHref("lead-time", query)}
      />
      <MetricTile
        id="change-failure-rate"
        title={term("changeFailureRate")}
        value={formatPercent(m.changeFailureRate.rate, locale)}
        detail={t("failuresDetail", { failed: m.changeFailureRate.failed, deployments: m.changeFailureRate.deployments })}
        level={m.changeFailureRate.level}
        thresholds={thresholds("changeFailureRate")}
        change={change.changeFailureRate}
        trend={series.map((w) => w.changeFailureRate)}
        href={drilldownHref("failures", query)}
      />
      <MetricTile
        id="recovery-time"
        title={t("recoveryTime")}
        value={duration(m.recoveryTime.medianSeconds)}
        detail={t("recoveryDetail", { recovered: m.recoveryTime.recovered, unrecovered: m.recoveryTime.unrecovered })}
        level={m.recoveryTime.level}
        thresholds={thresholds("recoveryTime")}
        change={change.recoveryTime}
        trend={series.map((w) => w.recoveryMedianSeconds)}
        href={drilldownHref("failures", query)}
      />
      <MetricTile
        id="rework-rate"
        title={t("reworkRate")}
        value={formatPercent(m.reworkRate.rate, locale)}
        detail={t("reworkDetail", { unplanned: m.reworkRate.unplanned, deployments: m.reworkRate.deployments })}
        change={change.reworkRate}
        trend={[]}
        href={drilldownHref("rework", query)}
      />
      <MetricTile
        id="time-to-restore"
        title={t("timeToRestore")}
        value={duration(m.timeToRestore.medianSeconds)}
        detail={t("restoreDetail", { incidents: m.timeToRestore.incidents, mtta: duration(m.timeToRestore.mttaMedianSeconds) })}
        change={change.timeToRestore}
        trend={[]}
        href={drilldownHref("incidents", query)}
      />
    </div>
  );
}
