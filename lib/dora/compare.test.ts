import { describe, expect, it } from "vitest";
import { compare } from "./compare";

describe("compare with the previous period", () => {
  it("more deployments is better", () => {
    expect(compare(3, 2, true, "relative")).toEqual({ direction: "up", amount: "50 %", better: true });
  });
  it("a longer lead time is worse", () => {
    expect(compare(7200, 3600, false, "relative")).toEqual({ direction: "up", amount: "100 %", better: false });
  });
  it("fewer failures is better, in percentage points", () => {
    expect(compare(0.1, 0.15, false, "ratio")).toEqual({ direction: "down", amount: "5 pp", better: true });
  });
  it("is flat when the change rounds to nothing", () => {
    expect(compare(1.001, 1, true, "relative")).toEqual({ direction: "flat", amount: "0 %", better: null });
  });
  it("is unknown without both values or from zero", () => {
    expect(compare(null, 1, true, "relative")).toBeNull();
    expect(compare(1, null, true, "relative")).toBeNull();
    expect(compare(1, 0, true, "relative")).toBeNull();
    expect(compare(0.1, 0, false, "ratio")).toEqual({ direction: "up", amount: "10 pp", better: false });
  });
});
