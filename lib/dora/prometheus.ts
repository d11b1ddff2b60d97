import type { Queryable } from "@/db/database";
import { deliveredFacts, leadFacts } from "@/db/queries/metric-facts";
import { deploymentTotals, type PercentileRow } from "@/db/queries/metrics";
import { listServicesInScope } from "@/db/queries/services";
import { daysAgo } from "@/lib/time";
import { deploymentGroups, leadTimeGroups, recoveryGroups } from "./groups";

export const PROMETHEUS_WINDOW_DAYS = 30;

const escape = (v: string) => v.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n");
const labels = (l: Record<string, string | null>) =>
  `{${Object.entries(l)
    .filter((e): e is [string, string] => e[1] !== null)
    .map(([k, v]) => `${k}="${escape(v)}"`)
    .join(",")}}`;

/**
 * Tandem in the Prometheus text exposition format (0.0.4): per service and environment, the
 * deployments counter, lead-time and recovery-time summaries and the change failure ratio over the
 * last 30 days, so Grafana can chart the same figures the dashboard shows.
 */
export async function prometheusExposition(q: Queryable, now = Date.now()): Promise<string> {
  const totals = await deploymentTotals(q);
  const environments = [...new Set(totals.map((t) => t.environment))];
  const services = new Map((await listServicesInScope(q, {})).map((s) => [`s:${s.id}`, s]));
  const lines: string[] = [
    "# HELP tandem_deployments_total Successful deployments recorded by Tandem.",
    "# TYPE tandem_deployments_total counter",
    ...totals.map((t) => `tandem_deployments_total${labels({ service: t.service, team: t.team, environment: t.environment })} ${t.deployments}`),
  ];
  const lead: string[] = [];
  const recovery: string[] = [];
  const ratio: string[] = [];
  const summary = (out: string[], name: string, base: Record<string, string | null>, row: PercentileRow) =>
    out.push(
      `${name}${labels({ ...base, quantile: "0.5" })} ${row.p50}`,
      `${name}${labels({ ...base, quantile: "0.9" })} ${row.p90}`,
      `${name}_sum${labels(base)} ${row.sum}`,
      `${name}_count${labels(base)} ${row.n}`,
    );
  for (const environment of environments) {
    const scope = { from: daysAgo(PROMETHEUS_WINDOW_DAYS, now), to: new Date(now), environment };
    const delivered = await deliveredFacts(q, scope);
    const leads = new Map(leadTimeGroups(await leadFacts(q, scope)).map((r) => [r.g, r]));
    const recoveries = new Map(recoveryGroups(delivered).map((r) => [r.g, r]));
    for (const counts of deploymentGroups(delivered)) {
      const service = services.get(counts.g);
      if (!service) continue;
      const base = { service: service.slug, team: service.team, environment };
      if (counts.deployments > 0) ratio.push(`tandem_change_failure_ratio${labels(base)} ${counts.failed / counts.deployments}`);
      const l = leads.get(counts.g);
      if (l) summary(lead, "tandem_lead_time_seconds", base, l);
      const r = recoveries.get(counts.g);
      if (r) summary(recovery, "tandem_recovery_time_seconds", base, r);
    }
  }
  lines.push(
    `# HELP tandem_lead_time_seconds Lead time for changes over the last ${PROMETHEUS_WINDOW_DAYS} days.`,
    "# TYPE tandem_lead_time_seconds summary",
    ...lead,
    `# HELP tandem_recovery_time_seconds Failed deployment recovery time over the last ${PROMETHEUS_WINDOW_DAYS} days.`,
    "# TYPE tandem_recovery_time_seconds summary",
    ...recovery,
    `# HELP tandem_change_failure_ratio Share of deployments over the last ${PROMETHEUS_WINDOW_DAYS} days that were failed changes.`,
    "# TYPE tandem_change_failure_ratio gauge",
    ...ratio,
  );
  return lines.join("\n") + "\n";
}
