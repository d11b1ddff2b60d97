"use client";

import { useSyncExternalStore } from "react";
import { readerTimeZone } from "@/lib/datetime-local";

const subscribe = () => () => undefined;

/** Sends the reader's IANA time zone with a form, so its datetime-local fields mean their wall-clock time on that date. */
export function ReaderTimeZoneField() {
  const timeZone = useSyncExternalStore(subscribe, readerTimeZone, () => "UTC");
  return <input type="hidden" name="timeZone" value={timeZone} />;
}

/** A Date as a datetime-local value in the reader's zone (empty on the server, filled after hydration). */
export function useLocalInputValue(iso: string | null): string {
  return useSyncExternalStore(
    subscribe,
    () => {
      if (!iso) return "";
      const d = new Date(iso);
      return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
    },
    () => "",
  );
}
