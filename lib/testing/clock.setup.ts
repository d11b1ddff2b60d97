import { afterEach, beforeEach, vi } from "vitest";
import { setClock } from "./clock";

// Registered in vitest.config.mts: every unit test runs on the same clock (TEST_NOW), never on the
// day it happens to run, so a date written into a test cannot expire.
beforeEach(() => setClock());
afterEach(() => {
  vi.useRealTimers();
});
