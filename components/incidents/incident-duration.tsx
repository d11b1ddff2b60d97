"use client";

import { useLocale, useTranslations } from "next-intl";
import { formatElapsed } from "@/lib/format";
import { useServerNow } from "@/components/ui/use-server-now";

/**
 * How long the incident has lasted: while open, a clock ("Open for 1 h 12 min") that keeps the
 * server's time (`serverNow`, when it rendered the page), so a device whose clock is off still reads
 * it right; once resolved, the time it took.
 */
export function IncidentDuration({ startedAt, resolvedAt, serverNow }: { startedAt: string; resolvedAt: string | null; serverNow: number }) {
  const t = useTranslations("IncidentPage");
  const locale = useLocale();
  const ticking = useServerNow(serverNow);
  const now = ticking ?? serverNow;
  const end = resolvedAt ? Date.parse(resolvedAt) : now;
  const duration = formatElapsed((end - Date.parse(startedAt)) / 1000, locale);
  return (
    // data-ticking: the browser has taken the server's clock and counts on from it (tests wait for it).
    <p className="text-sm font-medium" data-testid="incident-duration" data-ticking={ticking !== null}>
      {t(resolvedAt ? "resolvedIn" : "openFor", { duration })}
    </p>
  );
}
