import { describe, expect, it } from "vitest";
import { RateLimiter } from "./rate-limit";

describe("RateLimiter", () => {
  it("allows up to the limit per window, then says how long to wait", () => {
    let now = 0;
    const limiter = new RateLimiter(3, 60_000, () => now);
    expect([limiter.attempt("a"), limiter.attempt("a"), limiter.attempt("a")]).toEqual([0, 0, 0]);
    now = 15_000;
    expect(limiter.attempt("a")).toBe(45);
    expect(limiter.attempt("b")).toBe(0);
  });

  it("starts a fresh window once the old one has passed", () => {
    let now = 0;
    const limiter = new RateLimiter(1, 1_000, () => now);
    limiter.attempt("a");
    expect(limiter.attempt("a")).toBeGreaterThan(0);
    now = 1_000;
    expect(limiter.attempt("a")).toBe(0);
  });
});
