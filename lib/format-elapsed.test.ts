import { describe, expect, it } from "vitest";
import { formatElapsed } from "./format";

describe("elapsed time, for an incident's running clock (issue 16)", () => {
  it.each([
    [0, "0 s", "0 秒"],
    [40.7, "40 s", "40 秒"],
    [60, "1 min", "1 分钟"],
    [12 * 60 + 59, "12 min", "12 分钟"],
    [72 * 60, "1 h 12 min", "1 小时 12 分钟"],
    [2 * 3600, "2 h", "2 小时"],
    [23 * 3600 + 59 * 60, "23 h 59 min", "23 小时 59 分钟"],
    [26 * 3600 + 30 * 60, "1 d 2 h", "1 天 2 小时"],
    [3 * 86_400 + 20 * 60, "3 d", "3 天"],
  ])("%s s → %s / %s", (seconds, english, chinese) => {
    expect(formatElapsed(seconds)).toBe(english);
    expect(formatElapsed(seconds, "zh-CN")).toBe(chinese);
  });

  it("never runs backwards into negative figures when clocks disagree", () => {
    expect(formatElapsed(-5)).toBe("0 s");
  });
});
