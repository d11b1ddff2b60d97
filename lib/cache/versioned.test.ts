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

describe("VersionedCache of asynchronous reads", () => {
  it("shares a pending read between callers and forgets one that failed", async () => {
    const cache = new VersionedCache<Promise<number>>(4);
    let calls = 0;
    const compute = () => {
      calls++;
      return calls === 1 ? Promise.reject(new Error("busy")) : Promise.resolve(calls);
    };
    await expect(cache.get("a", "v1", compute)).rejects.toThrow("busy");
    expect(cache.size).toBe(0);
    const first = cache.get("a", "v1", compute);
    const second = cache.get("a", "v1", compute);
    expect(second).toBe(first);
    expect(await first).toBe(2);
    expect(calls).toBe(2);
  });
});
