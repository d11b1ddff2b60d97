"use client";

import { useSyncExternalStore } from "react";
import { formatDateTime, formatTime, READER_DATE_CONTEXT, SERVER_DATE_CONTEXT } from "@/lib/format";

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["day", 86_400],
  ["hour", 3_600],
  ["minute", 60],
  ["second", 1],
];

/** A clock that ticks every 30 s (rounded, so React sees a stable value between ticks). */
const subscribe = (tick: () => void) => {
  const timer = setInterval(tick, 30_000);
  return () => clearInterval(timer);
};
const now = () => Math.floor(Date.now() / 30_000) * 30_000;

/** "5 minutes ago", kept current; the absolute time is in the title and the datetime attribute. */
export function RelativeTime({ iso }: { iso: string }) {
  const clock = useSyncExternalStore(subscribe, now, () => null);
  const at = new Date(iso);
  if (clock === null) return <time dateTime={iso}>{formatTime(at, SERVER_DATE_CONTEXT, { zone: true })}</time>;
  const seconds = Math.round((at.getTime() - clock) / 1000);
  const [unit, size] = UNITS.find(([, s]) => Math.abs(seconds) >= s) ?? ["second", 1];
  const text = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" }).format(Math.round(seconds / size), unit);
  return (
    <time dateTime={iso} title={formatDateTime(at, READER_DATE_CONTEXT, { zone: true })}>
      {text} <span className="text-muted">· {formatTime(at, READER_DATE_CONTEXT)}</span>
    </time>
  );
}
