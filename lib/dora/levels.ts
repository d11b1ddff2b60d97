/**
 * DORA performance levels, with the thresholds CONTRACT.md fixes. They follow the clusters of the
 * DORA 2023 State of DevOps report (elite, high, medium, low).
 */
import { formatDuration, formatFrequency, formatPercent } from "@/lib/format";
import type { Locale } from "@/lib/i18n/locales";

export const LEVELS = ["elite", "high", "medium", "low"] as const;
export type Level = (typeof LEVELS)[number];

const HOUR = 3600;
const DAY = 24 * HOUR;

export function deploymentFrequencyLevel(deployments: number, days: number): Level {
  if (deployments / days >= 1) return "elite";
  if ((deployments * 7) / days >= 1) return "high";
  if ((deployments * 30) / days >= 1) return "medium";
  return "low";
}

export function leadTimeLevel(medianSeconds: number | null): Level | null {
  if (medianSeconds === null) return null;
  if (medianSeconds < DAY) return "elite";
  if (medianSeconds < 7 * DAY) return "high";
  if (medianSeconds < 30 * DAY) return "medium";
  return "low";
}

export function changeFailureRateLevel(rate: number | null): Level | null {
  if (rate === null) return null;
  if (rate <= 0.05) return "elite";
  if (rate <= 0.1) return "high";
  if (rate <= 0.15) return "medium";
  return "low";
}

export function recoveryTimeLevel(medianSeconds: number | null): Level | null {
  if (medianSeconds === null) return null;
  if (medianSeconds < HOUR) return "elite";
  if (medianSeconds < DAY) return "high";
  if (medianSeconds < 7 * DAY) return "medium";
  return "low";
}

/** The four keys that have levels. */
export type LevelMetric = "deploymentFrequency" | "leadTime" | "changeFailureRate" | "recoveryTime";

/** Which side of `value` a level holds: the words ("at least …", "少于 …") are the catalog's (Metrics.bound). */
export type LevelBound = { bound: "atLeast" | "lessThan" | "under" | "orMore" | "atMost" | "over"; value: number };

/**
 * Each level's threshold as the functions above apply it, in the figure's own unit (deployments per day,
 * seconds, a rate), shown on the level badges and on the "How is this computed?" page.
 */
export const LEVEL_BOUNDS = {
  deploymentFrequency: { elite: { bound: "atLeast", value: 1 }, high: { bound: "atLeast", value: 1 / 7 }, medium: { bound: "atLeast", value: 1 / 30 }, low: { bound: "lessThan", value: 1 / 30 } },
  leadTime: { elite: { bound: "under", value: DAY }, high: { bound: "under", value: 7 * DAY }, medium: { bound: "under", value: 30 * DAY }, low: { bound: "orMore", value: 30 * DAY } },
  changeFailureRate: { elite: { bound: "atMost", value: 0.05 }, high: { bound: "atMost", value: 0.1 }, medium: { bound: "atMost", value: 0.15 }, low: { bound: "over", value: 0.15 } },
  recoveryTime: { elite: { bound: "under", value: HOUR }, high: { bound: "under", value: DAY }, medium: { bound: "under", value: 7 * DAY }, low: { bound: "orMore", value: 7 * DAY } },
} as const satisfies Record<LevelMetric, Record<Level, LevelBound>>;

/** A threshold's figure as the tiles show that key ("1 / week", "24 h", "5 %"; "1 次/周", "24 小时", "5%"). */
export function formatBoundValue(metric: LevelMetric, value: number, locale: Locale): string {
  if (metric === "deploymentFrequency") return formatFrequency(value, locale);
  if (metric === "changeFailureRate") return formatPercent(value, locale);
  return formatDuration(value, locale);
}
