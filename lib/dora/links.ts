import type { MetricsQuery } from "./query";

export const DRILLDOWNS = ["deployments", "lead-time", "failures", "rework", "incidents"] as const;
export type Drilldown = (typeof DRILLDOWNS)[number];

/** The page listing the rows behind a figure, for exactly this window and these filters. */
export function drilldownHref(kind: Drilldown, query: MetricsQuery, window?: { from: Date; to: Date }): string {
  return `/drilldown/${kind}?${metricsSearch(query, window)}`;
}

/** The weekly series of a view as CSV. */
export function seriesCsvHref(query: MetricsQuery): string {
  return `/drilldown/series/csv?${metricsSearch(query)}`;
}

function metricsSearch(query: MetricsQuery, window?: { from: Date; to: Date }): string {
  const from = window ? new Date(Math.max(window.from.getTime(), query.from.getTime())) : query.from;
  const to = window ? new Date(Math.min(window.to.getTime(), query.to.getTime())) : query.to;
  const params = new URLSearchParams({ from: from.toISOString(), to: to.toISOString() });
  if (query.team) params.set("team", query.team);
  if (query.service) params.set("service", query.service);
  if (query.environment !== "production") params.set("environment", query.environment);
  return params.toString();
}

/** One ISO week of a series, clipped to the query's window. */
export function weekWindow(weekStart: string): { from: Date; to: Date } {
  const from = new Date(weekStart);
  return { from, to: new Date(from.getTime() + 7 * 86_400_000) };
}
