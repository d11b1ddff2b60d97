/**
 * DORA performance levels, with the thresholds CONTRACT.md fixes. They follow the clusters of the
 * DORA 2023 State of DevOps report (elite, high, medium, low).
 */
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

/** Plain-words thresholds, shown on the level badges and on the "How is this computed?" page. */
export const LEVEL_THRESHOLDS = {
  deploymentFrequency: { elite: "at least once a day", high: "at least once a week", medium: "at least once a month", low: "less than once a month" },
  leadTime: { elite: "under a day", high: "under a week", medium: "under 30 days", low: "30 days or more" },
  changeFailureRate: { elite: "5 % or less", high: "10 % or less", medium: "15 % or less", low: "over 15 %" },
  recoveryTime: { elite: "under an hour", high: "under a day", medium: "under a week", low: "a week or more" },
} as const satisfies Record<string, Record<Level, string>>;
