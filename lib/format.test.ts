import { describe, expect, it } from "vitest";
import { formatDuration, formatFrequency, formatPercent } from "./format";

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
