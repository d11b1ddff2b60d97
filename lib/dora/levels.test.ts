import { describe, expect, it } from "vitest";
import { changeFailureRateLevel, deploymentFrequencyLevel, formatBoundValue, LEVEL_BOUNDS, LEVELS, leadTimeLevel, recoveryTimeLevel, type Level, type LevelMetric } from "./levels";

const H = 3600;
const D = 24 * H;

describe("DORA levels", () => {
  it("deployment frequency: per day, per week, per 30 days", () => {
    expect(deploymentFrequencyLevel(30, 30)).toBe("elite");
    expect(deploymentFrequencyLevel(29, 30)).toBe("high");
    expect(deploymentFrequencyLevel(1, 7)).toBe("high");
    expect(deploymentFrequencyLevel(4, 30)).toBe("medium");
    expect(deploymentFrequencyLevel(1, 30)).toBe("medium");
    expect(deploymentFrequencyLevel(1, 31)).toBe("low");
    expect(deploymentFrequencyLevel(0, 30)).toBe("low");
  });

  it("lead time by its median, with strict upper bounds", () => {
    expect(leadTimeLevel(null)).toBeNull();
    expect(leadTimeLevel(D - 1)).toBe("elite");
    expect(leadTimeLevel(D)).toBe("high");
    expect(leadTimeLevel(7 * D)).toBe("medium");
    expect(leadTimeLevel(30 * D)).toBe("low");
  });

  it("change failure rate with inclusive bounds", () => {
    expect(changeFailureRateLevel(null)).toBeNull();
    expect(changeFailureRateLevel(0.05)).toBe("elite");
    expect(changeFailureRateLevel(0.1)).toBe("high");
    expect(changeFailureRateLevel(0.15)).toBe("medium");
    expect(changeFailureRateLevel(0.150001)).toBe("low");
  });

  it("recovery time by its median", () => {
    expect(recoveryTimeLevel(null)).toBeNull();
    expect(recoveryTimeLevel(H - 1)).toBe("elite");
    expect(recoveryTimeLevel(H)).toBe("high");
    expect(recoveryTimeLevel(D)).toBe("medium");
    expect(recoveryTimeLevel(7 * D)).toBe("low");
  });

  describe("the thresholds shown in words", () => {
    const judge: Record<LevelMetric, (v: number) => Level | null> = {
      deploymentFrequency: (perDay) => deploymentFrequencyLevel(perDay * 30, 30),
      leadTime: leadTimeLevel,
      changeFailureRate: changeFailureRateLevel,
      recoveryTime: recoveryTimeLevel,
    };
    const nudge = (v: number) => v * 1e-6;

    it.each(Object.keys(LEVEL_BOUNDS) as LevelMetric[])("%s: each level holds exactly its side of its bound", (metric) => {
      for (const level of LEVELS) {
        const { bound, value } = LEVEL_BOUNDS[metric][level];
        const inside = { atLeast: value, orMore: value, atMost: value, lessThan: value - nudge(value), under: value - nudge(value), over: value + nudge(value) }[bound];
        expect(judge[metric](inside), `${metric} ${level} ${bound} ${value}`).toBe(level);
      }
    });

    it("reads in the tiles' units, in either language", () => {
      expect(formatBoundValue("deploymentFrequency", LEVEL_BOUNDS.deploymentFrequency.high.value, "en")).toBe("1 / week");
      expect(formatBoundValue("deploymentFrequency", LEVEL_BOUNDS.deploymentFrequency.medium.value, "zh-CN")).toBe("1 次/月");
      expect(formatBoundValue("leadTime", LEVEL_BOUNDS.leadTime.elite.value, "zh-CN")).toBe("24 小时");
      expect(formatBoundValue("recoveryTime", LEVEL_BOUNDS.recoveryTime.elite.value, "en")).toBe("1 h");
      expect(formatBoundValue("recoveryTime", LEVEL_BOUNDS.recoveryTime.low.value, "zh-CN")).toBe("7 天");
      expect(formatBoundValue("changeFailureRate", LEVEL_BOUNDS.changeFailureRate.elite.value, "en")).toBe("5 %");
      expect(formatBoundValue("changeFailureRate", LEVEL_BOUNDS.changeFailureRate.low.value, "zh-CN")).toBe("15%");
    });
  });
});
