import { describe, expect, it } from "vitest";
import { DAY_MS } from "@/lib/time";
import { weeksOverlapping } from "./metrics";
import { chartWeeks, isPartialWeek, weekCoverage } from "./weeks";

/** The weekly buckets a chart of the `days` before `to` draws, as "YYYY-MM-DD:days". */
function buckets(to: string, days: number) {
  const window = { from: new Date(Date.parse(to) - days * DAY_MS), to: new Date(to) };
  const series = weeksOverlapping(window.from, window.to).map((w) => ({ weekStart: new Date(w).toISOString() }));
  return chartWeeks(series, window).map((w) => `${w.weekStart.slice(0, 10)}:${w.days}`);
}

describe("weekly chart buckets (issue 16, item 10)", () => {
  it("marks the clipped first and last weeks of a 30-day view with the days they hold", () => {
    // Thursday 5 Nov 23:35 to Saturday 5 Dec 23:35: the week of 2 Nov holds 3 days, that of 30 Nov 6.
    expect(buckets("2026-12-05T23:35:00Z", 30)).toEqual(["2026-11-02:3", "2026-11-09:7", "2026-11-16:7", "2026-11-23:7", "2026-11-30:6"]);
  });

  it("draws no bucket for a week the 90-day view touches for minutes (the empty '31 Aug')", () => {
    const weeks = buckets("2026-12-05T23:35:00Z", 90);
    expect(weeks[0]).toBe("2026-09-07:7");
    expect(weeks.at(-1)).toBe("2026-11-30:6");
    expect(weeks).toHaveLength(13);
  });

  it("keeps whole weeks whole and counts a day from half of it", () => {
    expect(buckets("2026-11-30T00:00:00Z", 14)).toEqual(["2026-11-16:7", "2026-11-23:7"]);
    expect(weekCoverage("2026-11-16T00:00:00.000Z", { from: new Date("2026-11-22T12:00:00Z"), to: new Date("2026-12-01T00:00:00Z") })).toBe(1);
    expect(weekCoverage("2026-11-16T00:00:00.000Z", { from: new Date("2026-11-22T12:00:01Z"), to: new Date("2026-12-01T00:00:00Z") })).toBe(0);
    expect(weekCoverage("2026-11-16T00:00:00.000Z", { from: new Date("2026-12-01T00:00:00Z"), to: new Date("2026-12-02T00:00:00Z") })).toBe(0);
  });

  it("says how partial a week is", () => {
    expect(isPartialWeek(3)).toBe(true);
    expect(isPartialWeek(7)).toBe(false);
  });
});
