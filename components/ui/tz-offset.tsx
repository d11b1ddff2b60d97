"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => undefined;

/** Sends the reader's time-zone offset with a form, so datetime-local fields mean their local time. */
export function TzOffsetField() {
  const offset = useSyncExternalStore(subscribe, () => new Date().getTimezoneOffset(), () => 0);
  return <input type="hidden" name="tzOffset" value={offset} />;
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
