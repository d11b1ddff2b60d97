import { describe, expect, it } from "vitest";
import { relativeTime } from "./relative-time";

const NOW = Date.parse("2026-11-20T14:30:00Z");
const ago = (seconds: number) => relativeTime(NOW - seconds * 1000, NOW, "en");

describe("relativeTime", () => {
  it.each([
    [0, "just now"],
    [9.9, "just now"],
    [10, "10 seconds ago"],
    [54, "54 seconds ago"],
    [60, "1 minute ago"],
    [119, "1 minute ago"],
    [3_599, "59 minutes ago"],
    [3_600, "1 hour ago"],
    [86_399, "23 hours ago"],
    [86_400, "yesterday"],
    [3 * 86_400 + 5, "3 days ago"],
  ])("%s s ago reads %j", (seconds, text) => expect(ago(seconds)).toBe(text));

  it("never puts a past event in the future: a time ahead of the clock reads just now", () => {
    expect(ago(-24)).toBe("just now");
    expect(ago(-3_600)).toBe("just now");
  });

  it.each([
    [0, "刚刚"],
    [10, "10 秒钟前"],
    [3 * 60 + 5, "3 分钟前"],
    [2 * 3_600, "2 小时前"],
    [86_400, "昨天"],
    [3 * 86_400, "3 天前"],
  ])("in zh-CN, %s s ago reads %j, figures set apart from characters", (seconds, text) => expect(relativeTime(NOW - seconds * 1000, NOW, "zh-CN")).toBe(text));
});
