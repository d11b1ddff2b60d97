import { describe, expect, it } from "vitest";
import { measureWork } from "./work-meter";

const growth = (run: (text: string) => void) => measureWork(() => run("a".repeat(20_000))) / measureWork(() => run("a".repeat(10_000)));

describe("measureWork", () => {
  it("sees linear work as twice the count for twice the input", () => {
    expect(growth((s) => /b/.exec(s))).toBeCloseTo(2, 1);
    expect(growth((s) => s.indexOf("b"))).toBeCloseTo(2, 1);
    expect(
      growth((s) => {
        for (let i = 0; i < s.length; i++) s.charCodeAt(i);
      }),
    ).toBeCloseTo(2, 1);
  });

  it("sees a search from every position as quadratic, through indexOf, an unanchored regex or a global one", () => {
    expect(
      growth((s) => {
        for (let i = 0; i < s.length; i++) s.indexOf("b", i);
      }),
    ).toBeGreaterThan(3.9);
    expect(
      growth((s) => {
        for (let i = 0; i < s.length; i++) /b/.exec(s.slice(i));
      }),
    ).toBeGreaterThan(3.9);
    expect(
      growth((s) => {
        const re = /b/g;
        for (let i = 0; i < s.length; i++) {
          re.lastIndex = i;
          re.exec(s);
        }
      }),
    ).toBeGreaterThan(3.9);
  });

  it("counts through match, replace and test, and restores the built-ins afterwards", () => {
    const before = [String.prototype.charCodeAt, String.prototype.indexOf, RegExp.prototype.exec];
    expect(measureWork(() => "aaaa".replace(/b/g, ""))).toBeGreaterThanOrEqual(4);
    expect(measureWork(() => /b/.test("aaaa"))).toBeGreaterThanOrEqual(4);
    expect(() => measureWork(() => {
      throw new Error("boom");
    })).toThrow("boom");
    expect([String.prototype.charCodeAt, String.prototype.indexOf, RegExp.prototype.exec]).toEqual(before);
  });
});
