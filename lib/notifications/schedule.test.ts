import { describe, expect, it } from "vitest";
import { retryDelayMs, retrySchedule, RETRY_SPAN_MS } from "./schedule";

describe("the retry schedule", () => {
  it("retries the first failure within 10 s, then backs off exponentially up to 6 h between attempts", () => {
    expect(retrySchedule()).toEqual([5_000, 20_000, 80_000, 320_000, 1_280_000, 5_120_000, 20_480_000, 21_600_000, 21_600_000, 21_600_000]);
  });

  it("keeps retrying for at least 24 h, then gives up", () => {
    const schedule = retrySchedule();
    const span = schedule.reduce((a, b) => a + b, 0);
    expect(span).toBeGreaterThanOrEqual(RETRY_SPAN_MS);
    expect(span - schedule.at(-1)!).toBeLessThan(RETRY_SPAN_MS);
    expect(retryDelayMs(schedule.length + 1)).toBeNull();
  });
});
