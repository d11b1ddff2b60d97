/* eslint-disable no-restricted-syntax -- issue 19: this file's UI text is not yet in the message catalogs */
import { periodChanges } from "@/lib/dora/compare";
import { LEVEL_THRESHOLDS } from "@/lib/dora/levels";
import { drilldownHref } from "@/lib/dora/links";
import type { Metrics } from "@/lib/dora/metrics";
import type { MetricsQuery } from "@/lib/dora/query";
import { formatDuration, formatFrequency, formatPercent } from "@/lib/format";
import { MetricTile } from "./metric-tile";

/** The four keys, rework and time to restore, each against the previous period of the same length. */
export function OverviewTiles({ metrics: m, previous: p, query }: { metrics: Metrics; previous: Metrics; query: MetricsQuery }) {
  const series = m.series;
  const change = periodChanges(m, p);
  return (
    <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3 2xl:grid-cols-6">
      <MetricTile
        id="deployment-frequency"
        title="Deployment frequency"
        value={formatFrequency(m.deploymentFrequency.perDay)}
        detail={`${m.deploymentFrequency.deployments} deployments on ${m.deploymentFrequency.deployDays} days`}
        level={m.deploymentFrequency.level}
        thresholds={LEVEL_THRESHOLDS.deploymentFrequency}
        change={change.deploymentFrequency}
        trend={series.map((w) => w.deployments)}
        href={drilldownHref("deployments", query)}
      />
      <MetricTile
        id="lead-time"
        title="Lead time for changes"
        value={formatDuration(m.leadTime.medianSeconds)}
        detail={`median of ${m.leadTime.changes} changes · p90 ${formatDuration(m.leadTime.p90Seconds)}`}
        level={m.leadTime.level}
        thresholds={LEVEL_THRESHOLDS.leadTime}
        change={change.leadTime}
        trend={series.map((w) => w.leadTimeMedianSeconds)}
        href={drilldownHref("lead-time", query)}
      />
      <MetricTile
        id="change-failure-rate"
        title="Change failure rate"
        value={formatPercent(m.changeFailureRate.rate)}
        detail={`${m.changeFailureRate.failed} of ${m.changeFailureRate.deployments} deployments`}
        level={m.changeFailureRate.level}
        thresholds={LEVEL_THRESHOLDS.changeFailureRate}
        change={change.changeFailureRate}
        trend={series.map((w) => w.changeFailureRate)}
        href={drilldownHref("failures", query)}
      />
      <MetricTile
        id="recovery-time"
        title="Failed deployment recovery"
        value={formatDuration(m.recoveryTime.medianSeconds)}
        detail={`median · ${m.recoveryTime.recovered} recovered, ${m.recoveryTime.unrecovered} not yet`}
        level={m.recoveryTime.level}
        thresholds={LEVEL_THRESHOLDS.recoveryTime}
        change={change.recoveryTime}
        trend={series.map((w) => w.recoveryMedianSeconds)}
        href={drilldownHref("failures", query)}
      />
      <MetricTile
        id="rework-rate"
        title="Rework rate"
        value={formatPercent(m.reworkRate.rate)}
        detail={`${m.reworkRate.unplanned} unplanned or rollback of ${m.reworkRate.deployments}`}
        change={change.reworkRate}
        trend={[]}
        href={drilldownHref("rework", query)}
      />
      <MetricTile
        id="time-to-restore"
        title="Time to restore"
        value={formatDuration(m.timeToRestore.medianSeconds)}
        detail={`median of ${m.timeToRestore.incidents} incidents · acknowledged in ${formatDuration(m.timeToRestore.mttaMedianSeconds)}`}
        change={change.timeToRestore}
        trend={[]}
        href={drilldownHref("incidents", query)}
      />
    </div>
  );
}
