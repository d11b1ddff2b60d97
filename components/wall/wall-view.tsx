/* eslint-disable no-restricted-syntax, react/jsx-no-literals -- issue 19: this file's UI text is not yet in the message catalogs */
"use client";

import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useSyncExternalStore } from "react";
import type { WallData } from "@/lib/wall/data";
import { formatTime } from "@/lib/format";
import { useDateContext } from "@/components/ui/date-context";
import { WallMessage } from "./wall-message";
import { ago, WallPanels } from "./wall-panels";
import type { WallTheme } from "@/lib/wall/theme";

/** The fallback refresh: pushed changes arrive at once, this catches whatever a lost stream missed. */
const REFRESH_MS = 2_000;
const subscribe = (tick: () => void) => {
  const t = setInterval(tick, 1_000);
  return () => clearInterval(t);
};
const second = () => Math.floor(Date.now() / 1000) * 1000;

class Gone extends Error {}

async function load(endpoint: string): Promise<WallData> {
  const response = await fetch(endpoint, { cache: "no-store" });
  if (response.status === 410 || response.status === 404) throw new Gone((await response.json()).error.message);
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
  const dateContext = useDateContext();
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

  if (query.error instanceof Gone) return <WallMessage>{query.error.message}</WallMessage>;
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
              <span aria-hidden="true">← </span>Back to Tandem
            </Link>
          ) : null}
          <h1 className="text-4xl font-semibold">{title}</h1>
          {data.views.length > 1 ? (
            <nav aria-label="Views, rotating every" className="flex items-baseline gap-3 text-2xl">
              <span className="sr-only">{`${data.rotateSeconds} seconds`}</span>
              <ol className="flex gap-3" data-testid="wall-views">
                {data.views.map((v, i) => (
                  <li key={i} aria-current={i === index ? "true" : undefined} className={i === index ? "rounded border-2 border-fg px-3 font-semibold" : "px-3 text-muted"}>
                    {i === index ? "▶ " : ""}
                    {v.name}
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
                  ●{" "}
                </span>
                Live · updated {ago(age)} ago
              </>
            ) : (
              <>
                <span aria-hidden="true">⚠ </span>
                Connection lost. Not updating: last data from {formatTime(new Date(query.dataUpdatedAt), dateContext)} ({ago(age)} ago)
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
          SEV1 open: {sev1.map((i) => `${i.title} (${i.service})`).join(" · ")}
        </section>
      ) : null}
      <WallPanels view={view} now={now} />
    </main>
  );
}
