"use client";

import { formatDateTime, formatTime } from "@/lib/format";
import { useDateContext } from "./date-context";

/**
 * A timestamp in the reader's own locale and time zone (the server renders UTC, naming it; the browser
 * swaps in local time after hydration). `zone` names the zone where it matters: incident and change times.
 */
export function LocalTime({ iso, withDate = true, zone = false }: { iso: string; withDate?: boolean; zone?: boolean }) {
  const ctx = useDateContext();
  const showZone = zone || ctx.timeZone === "UTC";
  return (
    <time dateTime={iso} title={iso}>
      {withDate ? formatDateTime(iso, ctx, { zone: showZone }) : formatTime(iso, ctx, { zone: showZone })}
    </time>
  );
}
