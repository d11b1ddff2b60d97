import { describe, expect, it } from "vitest";
import { changeFailureRateLevel, deploymentFrequencyLevel, leadTimeLevel, recoveryTimeLevel } from "./levels";

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
});
