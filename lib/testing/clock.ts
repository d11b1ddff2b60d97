import { vi } from "vitest";

/**
 * The instant every unit test starts at (a Friday afternoon in UTC, no DST edge nearby). The suite's
 * setup file pins `Date` here before each test, so nothing a test computes depends on the day it runs;
 * a test that needs another moment says so with `setClock`.
 */
export const TEST_NOW = new Date("2026-11-20T14:30:00.000Z");

/**
 * Fakes only `Date` (timers, promises and I/O stay real) and lets it advance with real time from
 * `at`, so code that waits or measures elapsed time still works.
 */
export function setClock(at: Date | string = TEST_NOW): void {
  vi.useFakeTimers({ toFake: ["Date"], now: new Date(at), shouldAdvanceTime: true });
}
