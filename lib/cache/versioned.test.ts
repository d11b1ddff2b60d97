import { describe, expect, it, vi } from "vitest";
import { VersionedCache } from "./versioned";

describe("VersionedCache", () => {
  it("computes once per key and version, and again when the version moves", () => {
    const cache = new VersionedCache<number>(4);
    const compute = vi.fn(() => compute.mock.calls.length);
    expect(cache.get("a", "v1", compute)).toBe(1);
    expect(cache.get("a", "v1", compute)).toBe(1);
    expect(compute).toHaveBeenCalledTimes(1);
    expect(cache.get("a", "v2", compute)).toBe(2);
    expect(cache.get("a", "v1", compute)).toBe(3);
  });

  it("drops the least recently used key beyond its capacity", () => {
    const cache = new VersionedCache<string>(2);
    cache.get("a", "v", () => "a");
    cache.get("b", "v", () => "b");
    cache.get("a", "v", () => "a again");
    cache.get("c", "v", () => "c");
    expect(cache.size).toBe(2);
    expect(cache.get("a", "v", () => "recomputed")).toBe("a");
    expect(cache.get("b", "v", () => "recomputed")).toBe("recomputed");
  });
});
