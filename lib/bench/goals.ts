import type { Engine } from "./target";

/** What each figure must reach: timings in ms at most, the single-post rate at least, memory in MB at most. */
export type Goals = {
  metricsCold: number;
  metricsWarm: number;
  metricsOneService: number;
  timeline: number;
  overview: number;
  drilldown: number;
  singlesPerSecond: number;
  wall: number;
  rssMb: number;
};

/**
 * Issue "Engines I" sets SQLite's, "Engines II" PostgreSQL's where they differ (README, "Benchmark", says
 * why): every query there is a round trip to another process, cold metrics read the rollups through it,
 * and single posts are spread over two app servers that wait on one database's commits.
 */
export const GOALS: Record<Engine, Goals> = {
  sqlite: { metricsCold: 100, metricsWarm: 5, metricsOneService: 10, timeline: 10, overview: 150, drilldown: 100, singlesPerSecond: 2000, wall: 2000, rssMb: 300 },
  postgres: { metricsCold: 150, metricsWarm: 5, metricsOneService: 20, timeline: 10, overview: 150, drilldown: 100, singlesPerSecond: 1000, wall: 2000, rssMb: 300 },
};
