import { afterEach, describe, expect, it, vi } from "vitest";
import { createServerClock } from "./server-clock";

const SERVER = Date.parse("2026-11-20T14:30:00Z");

describe("the server clock of a page", () => {
  afterEach(() => vi.useRealTimers());

  it("reads the server's time on a browser whose clock is behind", () => {
    let browser = SERVER - 30_000;
    const clock = createServerClock({ tickMs: 15_000, local: () => browser });
    clock.calibrate(SERVER);
    expect(clock.snapshot()).toBe(SERVER);
    browser += 5_000;
    clock.calibrate(SERVER);
    expect(clock.snapshot(), "a page from a cache cannot pull the clock back").toBe(SERVER);
  });

  it("keeps the offset that puts the server furthest ahead: delays only ever shrink it", () => {
    let browser = SERVER;
    const clock = createServerClock({ tickMs: 15_000, local: () => browser });
    clock.calibrate(SERVER - 2_000);
    browser += 60_000;
    clock.calibrate(SERVER + 60_000 - 200);
    expect(clock.snapshot()).toBe(SERVER + 60_000 - 200);
  });

  it("ticks every tickMs on one timer, however many listen, and stops when none does", () => {
    vi.useFakeTimers({ now: SERVER });
    const clock = createServerClock({ tickMs: 15_000 });
    const a = vi.fn();
    const b = vi.fn();
    const stopA = clock.subscribe(a);
    const stopB = clock.subscribe(b);
    expect(vi.getTimerCount()).toBe(1);
    const first = clock.snapshot();
    vi.advanceTimersByTime(14_999);
    expect(clock.snapshot(), "stable between ticks").toBe(first);
    vi.advanceTimersByTime(1);
    expect(clock.snapshot()).toBe(first + 15_000);
    expect([a.mock.calls.length, b.mock.calls.length]).toEqual([1, 1]);
    stopA();
    stopB();
    expect(vi.getTimerCount()).toBe(0);
  });
});
