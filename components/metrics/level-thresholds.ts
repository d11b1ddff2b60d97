import { formatBoundValue, LEVEL_BOUNDS, LEVELS, type Level, type LevelBound, type LevelMetric } from "@/lib/dora/levels";
import type { Locale } from "@/lib/i18n/locales";

/** Each level's threshold of `metric` in words: `say` is the catalog's Metrics.bound message for a bound and its figure. */
export function levelThresholds(metric: LevelMetric, locale: Locale, say: (bound: LevelBound["bound"], value: string) => string): Record<Level, string> {
  return Object.fromEntries(
    LEVELS.map((level) => {
      const { bound, value } = LEVEL_BOUNDS[metric][level];
      return [level, say(bound, formatBoundValue(metric, value, locale))];
    }),
  ) as Record<Level, string>;
}
