import { describe, expect, it } from "vitest";
import { compare } from "./compare";

describe("compare with the previous period", () => {
  it("more deployments is better", () => {
    expect(compare(3, 2, true, "relative")).toEqual({ direction: "up", value: 50, unit: "%", better: true });
  });
  it("a longer lead time is worse", () => {
    expect(compare(7200, 3600, false, "relative")).toEqual({ direction: "up", value: 100, unit: "%", better: false });
  });
  it("fewer failures is better, in percentage points", () => {
    expect(compare(0.1, 0.15, false, "ratio")).toEqual({ direction: "down", value: 5, unit: "pp", better: true });
  });
  it("is flat when the change rounds to nothing", () => {
    expect(compare(1.001, 1, true, "relative")).toEqual({ direction: "flat", value: 0, unit: "%", better: null });
  });
  it("is unknown without both values or from zero", () => {
    expect(compare(null, 1, true, "relative")).toBeNull();
    expect(compare(1, null, true, "relative")).toBeNull();
    expect(compare(1, 0, true, "relative")).toBeNull();
    expect(compare(0.1, 0, false, "ratio")).toEqual({ direction: "up", value: 10, unit: "pp", better: false });
  });
});
