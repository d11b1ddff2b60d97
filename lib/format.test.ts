import { describe, expect, it } from "vitest";
import { formatCalendarDay, formatDate, formatDateTime, formatDuration, formatFrequency, formatPercent, formatTime, readerDateContext, SERVER_DATE_CONTEXT, serverDateContext } from "./format";

describe("human units", () => {
  it.each([
    [null, "—"],
    [42, "42 s"],
    [90, "1.5 min"],
    [19 * 3600, "19 h"],
    [3.25 * 86_400, "3.3 d"],
    [47 * 3600, "47 h"],
  ])("duration %s → %s", (s, text) => expect(formatDuration(s)).toBe(text));

  it.each([
    [null, "—"],
    [0.12, "12 %"],
    [0.004, "0.4 %"],
    [0, "0 %"],
  ])("percent %s → %s", (r, text) => expect(formatPercent(r)).toBe(text));

  it.each([
    [3.4, "3.4 / day"],
    [12.6, "13 / day"],
    [0.5, "3.5 / week"],
    [0.05, "1.5 / month"],
    [0, "0 / month"],
  ])("frequency %s per day → %s", (perDay, text) => expect(formatFrequency(perDay)).toBe(text));
});

describe("human units in Simplified Chinese (issue 19, item 1)", () => {
  it.each([
    [42, "42 秒"],
    [90, "1.5 分钟"],
    [19 * 3600, "19 小时"],
    [3.25 * 86_400, "3.3 天"],
  ])("duration %s → %s", (s, text) => expect(formatDuration(s, "zh-CN")).toBe(text));

  it.each([
    [3.4, "3.4 次/天"],
    [0.5, "3.5 次/周"],
    [0.05, "1.5 次/月"],
  ])("frequency %s per day → %s", (perDay, text) => expect(formatFrequency(perDay, "zh-CN")).toBe(text));

  it("writes percentages as Chinese does, without a space", () => {
    expect(formatPercent(0.12, "zh-CN")).toBe("12%");
    expect(formatPercent(0.004, "zh-CN")).toBe("0.4%");
    expect(formatPercent(null, "zh-CN")).toBe("—");
  });

  it("writes dates the Chinese way through Intl", () => {
    const ctx = { locale: "zh-CN", timeZone: "Asia/Shanghai" };
    expect(formatDate("2026-12-05T02:00:00Z", ctx)).toBe("2026年12月5日");
    expect(formatCalendarDay("2026-12-05", ctx, "full")).toBe("2026年12月5日星期六");
  });
});

describe("dates and times, one format in the reader's locale and zone (issue 16, item 9)", () => {
  const at = "2026-12-05T23:35:00Z";
  const newYork = { locale: "en-US", timeZone: "America/New_York" };

  it("shows an instant in the reader's locale and zone, naming the zone where asked", () => {
    expect(formatDateTime(at, newYork)).toBe("Dec 5, 2026, 6:35 PM");
    expect(formatDateTime(at, newYork, { zone: true })).toBe("Dec 5, 2026, 6:35 PM EST");
    expect(formatDateTime(new Date(at), { locale: "en-GB", timeZone: "Europe/London" }, { zone: true })).toBe("5 Dec 2026, 23:35 GMT");
    expect(formatDate(at, { locale: "en-GB", timeZone: "Asia/Tokyo" })).toBe("6 Dec 2026");
    expect(formatTime(at, newYork, { zone: true })).toBe("6:35 PM EST");
  });

  it("renders on the server in UTC, saying so", () => {
    expect(formatDateTime(at, SERVER_DATE_CONTEXT, { zone: true })).toBe("5 Dec 2026, 23:35 UTC");
    expect(formatDateTime(at, serverDateContext("en"), { zone: true })).toBe("5 Dec 2026, 23:35 UTC");
  });

  it("renders a Chinese page's times in Chinese, on the server in UTC and in the reader's zone after hydration (issue 19)", () => {
    expect(formatDateTime(at, serverDateContext("zh-CN"), { zone: true })).toBe("2026年12月5日 23:35 UTC");
    expect(formatDateTime(at, serverDateContext("zh-CN"))).toBe("2026年12月5日 23:35");
    expect(formatTime(at, serverDateContext("zh-CN"), { zone: true })).toBe("23:35 UTC");
    expect(formatDate(at, serverDateContext("zh-CN"))).toBe("2026年12月5日");
    const shanghai = { ...readerDateContext("zh-CN"), timeZone: "Asia/Shanghai" };
    expect(formatDateTime(at, shanghai, { zone: true })).toBe("2026年12月6日 07:35 GMT+8");
    expect(formatCalendarDay("2026-11-02", readerDateContext("zh-CN"), "full")).toBe("2026年11月2日星期一");
    expect(readerDateContext("en")).toEqual({});
    expect(serverDateContext("zh-CN")).toBe(serverDateContext("zh-CN"));
  });

  it("names UTC calendar days (weeks, heatmap days, headings) as they are in UTC, in the reader's locale", () => {
    expect(formatCalendarDay("2026-11-02T00:00:00.000Z", { locale: "en-US", timeZone: "America/Los_Angeles" }, "week")).toBe("Nov 2");
    expect(formatCalendarDay("2026-11-02", { locale: "en-GB" }, "day")).toBe("Mon 2 Nov");
    expect(formatCalendarDay("2026-11-02", { locale: "en-GB" }, "full")).toBe("Monday, 2 November 2026");
    expect(formatCalendarDay("2026-12-01", { locale: "en-GB", timeZone: "Pacific/Auckland" }, "month")).toBe("December 2026");
  });
});
