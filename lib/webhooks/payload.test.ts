import { describe, expect, it } from "vitest";
import { clip, isoTime, MAX_TIME_LENGTH, quote } from "./payload";
import { PayloadError, slugify } from "./types";

/** Milliseconds `run` takes; a linear parse of these inputs takes well under one. */
function elapsed(run: () => unknown): number {
  const start = performance.now();
  try {
    run();
  } catch {
    // the time is what is measured
  }
  return performance.now() - start;
}

describe("isoTime", () => {
  it.each([
    ["2021-04-28T21:50:00Z", "2021-04-28T21:50:00.000Z"],
    ["2021-04-28 21:50:00 +0200", "2021-04-28T19:50:00.000Z"],
    ["2021-04-28 21:50:00 -05:30", "2021-04-29T03:20:00.000Z"],
    ["2021-04-28 21:50:00.250+0200", "2021-04-28T19:50:00.250Z"],
    ["2021-04-28 21:50:00 UTC", "2021-04-28T21:50:00.000Z"],
    ["2021-04-28 21:50:00UTC", "2021-04-28T21:50:00.000Z"],
    ["  2020-02-06T00:17:58.432Z  ", "2020-02-06T00:17:58.432Z"],
  ])("%j → %s", (input, expected) => expect(isoTime(input, "at")).toBe(expected));

  // Issue 15: /\s*UTC$/ and /\s*([+-]\d\d):?(\d\d)$/ retried from every space: 19.5 s on 60,000.
  it.each([
    ["spaces, then a time", `${" ".repeat(60_000)}2021-04-28T21:50:00Z`],
    ["a time, then spaces and x", `2021-04-28T21:50:00${" ".repeat(60_000)}x`],
    ["spaces and x", `${" ".repeat(60_000)}x`],
    ["digits", "1".repeat(60_000)],
  ])("refuses a long value (%s) at once, quoting only its start", (_, input) => {
    let error: unknown;
    const ms = elapsed(() => {
      try {
        isoTime(input, "alerts.0.startsAt");
      } catch (e) {
        error = e;
        throw e;
      }
    });
    expect(ms).toBeLessThan(50);
    expect(error).toBeInstanceOf(PayloadError);
    expect((error as Error).message).toMatch(/^alerts\.0\.startsAt is not a time: ".{1,41}" is longer than 64 characters$/);
  });

  it("still reads a time padded up to the bound, and times the parse of any shape linear", () => {
    const padded = `2021-04-28 21:50:00${" ".repeat(MAX_TIME_LENGTH - 25)} +0200`;
    expect(padded.length).toBeLessThanOrEqual(MAX_TIME_LENGTH);
    expect(isoTime(padded, "at")).toBe("2021-04-28T19:50:00.000Z");
  });

  it("quotes at most 40 characters of a value it cannot read", () => {
    expect(() => isoTime("not a time at all, and then some more words", "at")).toThrow('at is not a time: "not a time at all, and then some more wo…"');
  });
});

describe("clip and quote", () => {
  it("keep short text whole and cut long text with an ellipsis, never inside a surrogate pair", () => {
    expect(clip("abc", 3)).toBe("abc");
    expect(clip("abcd", 3)).toBe("abc…");
    expect(clip("ab😀", 3)).toBe("ab…");
    expect(quote(12)).toBe('"12"');
    expect(quote("x".repeat(100))).toBe(`"${"x".repeat(40)}…"`);
  });
});

describe("slugify", () => {
  it("makes the same slugs, in linear time on runs of separators", () => {
    expect(slugify("My Service")).toBe("my-service");
    expect(slugify("--Payments API--")).toBe("payments-api");
    expect(slugify("!!!")).toBe("unknown");
    expect(slugify("a".repeat(70))).toBe("a".repeat(64));
    expect(elapsed(() => slugify(`${"- ".repeat(50_000)}a`))).toBeLessThan(100);
    expect(elapsed(() => slugify(`a${" -".repeat(50_000)}!x`))).toBeLessThan(100);
  });
});
