"use client";

import { useSyncExternalStore } from "react";
import { localInputValue, readerTimeZone } from "@/lib/datetime-local";

const subscribe = () => () => undefined;

/** Sends the reader's IANA time zone with a form, so its datetime-local fields mean their wall-clock time on that date. */
export function ReaderTimeZoneField() {
  const timeZone = useSyncExternalStore(subscribe, readerTimeZone, () => "UTC");
  return <input type="hidden" name="timeZone" value={timeZone} />;
}

/** A stored time as a datetime-local value in the reader's zone, the one ReaderTimeZoneField sends (empty on the server, filled after hydration). */
export function useLocalInputValue(iso: string | null): string {
  return useSyncExternalStore(subscribe, () => (iso ? localInputValue(new Date(iso), readerTimeZone()) : ""), () => "");
}
