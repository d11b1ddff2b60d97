"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useSyncExternalStore } from "react";
import type { WallData } from "@/lib/wall/data";
import { formatTime } from "@/lib/format";
import { usePageDateContext } from "@/components/charts/page-date-context";
import { richTags } from "@/components/i18n/rich";
import { WallMessage } from "./wall-message";
import { useAgo, WallPanels } from "./wall-panels";
import type { WallTheme } from "@/lib/wall/theme";

/** The fallback refresh: pushed changes arrive at once, this catches whatever a lost stream missed. */
const REFRESH_MS = 2_000;
const subscribe = (tick: () => void) => {
  const t = setInterval(tick, 1_000);
  return () => clearInterval(t);
};
const second = () => Math.floor(Date.now() / 1000) * 1000;

/** The link stopped working: `code` says why (lib/wall/access.ts), the message in English. */
/** The freshness line's marks; the words beside them say the same. */
const LIVE = "●";
const LOST = "⚠";

class Gone extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function load(endpoint: string): Promise<WallData> {
  const response = await fetch(endpoint, { cache: "no-store" });
  if (response.status === 410 || response.status === 404) {
    const { error } = await response.json();
    throw new Gone(error.code, error.message);
  }
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.json();
}

/**
 * The TV view. The server pushes a message whenever anything is written (Server-Sent Events) and the
 * wall refetches at once; a 2 s poll stays on underneath. When data cannot be refreshed it keeps the last
 * good data and says so (amber after two missed refreshes, red after five minutes), recovering by itself.
 * Several views rotate on the clock, so every TV showing the same link shows the same view. Opened
 * from the app (`backHref`), it keeps a way back; a TV's share link shows nothing but the wall. Dark
 * unless the link asks for light (a bright room), high contrast either way.
 */
export function WallView({ endpoint, initial, title, backHref, theme = "dark" }: { endpoint: string; initial: WallData; title: string; backHref?: string; theme?: WallTheme }) {
  const now = useSyncExternalStore(subscribe, second, () => Date.parse(initial.generatedAt));
  const dateContext = usePageDateContext();
  const t = useTranslations("Wall");
  const ago = useAgo();
  const query = useQuery({ queryKey: ["wall", endpoint], queryFn: () => load(endpoint), initialData: initial, refetchInterval: REFRESH_MS, refetchIntervalInBackground: true, retry: false, staleTime: 0 });
  const { refetch } = query;

  useEffect(() => {
    const events = new EventSource(`${endpoint}/events`);
    const refresh = () => void refetch();
    events.addEventListener("message", refresh);
    events.addEventListener("gone", () => {
      events.close();
      refresh();
    });
    return () => events.close();
  }, [endpoint, refetch]);

  if (query.error instanceof Gone) return <WallMessage>{t.has(`gone.${query.error.code}` as "gone.unknown") ? t(`gone.${query.error.code}` as "gone.unknown") : query.error.message}</WallMessage>;
  const data = query.data;
  const age = Math.max(0, now - query.dataUpdatedAt);
  const staleness = age > 5 * 60_000 ? "red" : age > 2 * REFRESH_MS + 2_000 ? "amber" : "ok";
  const index = Math.floor(now / (data.rotateSeconds * 1000)) % data.views.length;
  const view = data.views[index] ?? data.views[0]!;
  const sev1 = [...new Map(data.views.flatMap((v) => v.incidents.filter((i) => i.severity === "SEV1").map((i) => [i.id, i] as const))).values()];
  return (
    <main className={`wall-scale flex h-screen flex-col gap-4 overflow-hidden bg-bg p-6 text-fg ${theme === "light" ? "scheme-light" : "scheme-dark"}`}>
      <header className="flex items-baseline justify-between gap-6">
        <div className="flex min-w-0 items-baseline gap-6">
          {backHref ? (
            <Link href={backHref} className="shrink-0 self-center rounded-md border border-border px-3 py-1.5 text-lg hover:bg-surface-2">
              <span aria-hidden="true">← </span>
              {t("back")}
            </Link>
          ) : null}
          <h1 className="text-4xl font-semibold" translate="no">
            {title}
          </h1>
          {data.views.length > 1 ? (
            <nav aria-label={t("views")} className="flex items-baseline gap-3 text-2xl">
              <span className="sr-only">{t("rotateSeconds", { seconds: data.rotateSeconds })}</span>
              <ol className="flex gap-3" data-testid="wall-views">
                {data.views.map((v, i) => (
                  <li key={i} aria-current={i === index ? "true" : undefined} className={i === index ? "rounded border-2 border-fg px-3 font-semibold" : "px-3 text-muted"}>
                    {i === index ? "▶ " : ""}
                    <span translate="no">{v.name}</span>
                  </li>
                ))}
              </ol>
            </nav>
          ) : null}
        </div>
        <div className="flex items-baseline gap-6 text-2xl">
          <span
            role="status"
            data-testid="wall-freshness"
            data-state={staleness}
            className={staleness === "ok" ? "" : staleness === "amber" ? "rounded-md border-2 border-warning bg-warning-soft px-3 font-semibold text-warning" : "rounded-md border-2 border-danger bg-danger-soft px-3 font-semibold text-danger"}
          >
            {staleness === "ok" ? (
              <>
                <span aria-hidden="true" className="text-success">
                  {LIVE}{" "}
                </span>
                {t("live", { ago: ago(age) })}
              </>
            ) : (
              <>
                <span aria-hidden="true">{LOST} </span>
                {t("stale", { time: formatTime(new Date(query.dataUpdatedAt), dateContext), ago: ago(age) })}
              </>
            )}
          </span>
          <time className="text-5xl font-semibold tabular-nums" suppressHydrationWarning>
            {formatTime(new Date(now), dateContext)}
          </time>
        </div>
      </header>
      {sev1.length ? (
        <section role="alert" className="rounded-xl border-4 border-danger bg-danger-soft p-5 text-4xl font-semibold">
          {t.rich("sev1", { incidents: sev1.map((i) => `${i.title} (${i.service})`).join(" · "), ...richTags })}
        </section>
      ) : null}
      <WallPanels view={view} now={now} />
    </main>
  );
}
