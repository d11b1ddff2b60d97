"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => undefined;

/**
 * A timestamp in the reader's own time zone. The server renders UTC (it cannot know the zone);
 * the browser swaps in local time after hydration.
 */
export function LocalTime({ iso, withDate = true }: { iso: string; withDate?: boolean }) {
  const isClient = useSyncExternalStore(subscribe, () => true, () => false);
  const date = new Date(iso);
  const options: Intl.DateTimeFormatOptions = withDate
    ? { dateStyle: "medium", timeStyle: "short" }
    : { timeStyle: "short" };
  const text = isClient
    ? new Intl.DateTimeFormat(undefined, options).format(date)
    : new Intl.DateTimeFormat("en-GB", { ...options, timeZone: "UTC" }).format(date) + " UTC";
  return (
    <time dateTime={iso} title={iso}>
      {text}
    </time>
  );
}
