import { afterEach, describe, expect, it, vi } from "vitest";
import { startPeriodic } from "./periodic";

afterEach(() => vi.useRealTimers());

describe("a periodic job", () => {
  it("runs at once and then every interval, never two runs at a time, and keeps going after a failure", async () => {
    vi.useFakeTimers();
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    let release: () => void = () => undefined;
    let runs = 0;
    const stop = startPeriodic("test", 1000, async () => {
      runs++;
      if (runs === 1) await new Promise<void>((resolve) => (release = resolve));
      if (runs === 2) throw new Error("boom");
    });
    expect(runs).toBe(1);
    await vi.advanceTimersByTimeAsync(3000);
    expect(runs).toBe(1); // the first run has not finished: no second one beside it
    release();
    await vi.advanceTimersByTimeAsync(1000);
    expect(runs).toBe(2);
    expect(errors).toHaveBeenCalledWith(expect.stringContaining("the test job failed"), expect.any(Error));
    await vi.advanceTimersByTimeAsync(1000);
    expect(runs).toBe(3);
    stop();
    await vi.advanceTimersByTimeAsync(5000);
    expect(runs).toBe(3);
    errors.mockRestore();
  });
});
