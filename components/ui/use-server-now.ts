"use client";

import { useState, useSyncExternalStore } from "react";
import { createServerClock } from "@/lib/server-clock";

/** Often enough that "54 seconds ago" does not linger; one timer for the whole page. */
const TICK_MS = 15_000;
const clock = createServerClock({ tickMs: TICK_MS });

/**
 * The server's time now, ticking every 15 s, given the moment the server rendered this page. Null while
 * the page is rendered on the server and hydrated, which must show what does not depend on the reader's
 * clock, locale or zone.
 */
export function useServerNow(serverNow: number): number | null {
  useState(() => {
    if (typeof window !== "undefined") clock.calibrate(serverNow);
  });
  return useSyncExternalStore(clock.subscribe, clock.snapshot, () => null);
}
