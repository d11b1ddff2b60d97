import { describe, expect, it } from "vitest";
import { setClock, TEST_NOW } from "./clock";

describe("the unit tests' clock", () => {
  it("starts every test at TEST_NOW, whatever the day", () => {
    expect(Date.now() - TEST_NOW.getTime()).toBeGreaterThanOrEqual(0);
    expect(Date.now() - TEST_NOW.getTime()).toBeLessThan(60_000);
    expect(new Date().getUTCFullYear()).toBe(2026);
  });

  it("is set anew by setClock and still moves forward", async () => {
    setClock("2031-02-03T04:05:06Z");
    const start = Date.now();
    expect(new Date(start).toISOString().slice(0, 16)).toBe("2031-02-03T04:05");
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(Date.now()).toBeGreaterThan(start);
  });

  it("is back at TEST_NOW in the next test", () => {
    expect(Date.now() - TEST_NOW.getTime()).toBeLessThan(60_000);
  });
});
