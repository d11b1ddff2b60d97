"use client";

import { useQuery } from "@tanstack/react-query";
import { useSyncExternalStore } from "react";
import type { WallData } from "@/lib/wall/data";
import { formatDuration, formatFrequency, formatPercent } from "@/lib/format";

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

const ARROW = { up: "▲", down: "▼", flat: "▬" } as const;
const LEVEL_TEXT = "rounded px-2 py-0.5 text-xl font-semibold";

function Tile({ label, value, level, change }: { label: string; value: string; level: string | null; change: WallData["metrics"]["leadTime"]["change"] }) {
  return (
    <li className="rounded-xl border border-border bg-surface p-5">
      <span className="block text-2xl text-muted">{label}</span>
      <span className="block text-6xl font-semibold tabular-nums" data-testid="wall-figure">
        {value}
      </span>
      <span className="mt-2 flex items-center gap-3 text-xl">
        <span className={`${LEVEL_TEXT} bg-surface-2`}>{level ?? "no level"}</span>
        {change ? (
          <span className={change.better === null ? "text-muted" : change.better ? "text-success" : "text-danger"}>
            {ARROW[change.direction]} {change.direction === "flat" ? "steady" : `${change.amount} ${change.better ? "better" : "worse"}`}
          </span>
        ) : null}
      </span>
    </li>
  );
}

const ago = (ms: number) => (ms < 60_000 ? `${Math.round(ms / 1000)} s` : `${Math.round(ms / 60_000)} min`);

/**
 * The TV view: refreshes every 2 s, keeps the last good data when it cannot, and says so — amber after
 * two missed refreshes, red after five minutes — recovering by itself when the server answers again.
 */
export function WallView({ endpoint, initial, title }: { endpoint: string; initial: WallData; title: string }) {
  const now = useSyncExternalStore(subscribe, second, () => Date.parse(initial.generatedAt));
  const query = useQuery({ queryKey: ["wall", endpoint], queryFn: () => load(endpoint), initialData: initial, refetchInterval: REFRESH_MS, refetchIntervalInBackground: true, retry: false, staleTime: 0 });
  if (query.error instanceof Gone) {
    return (
      <main className="flex h-screen items-center justify-center bg-bg p-8 text-fg scheme-dark">
        <p role="alert" className="text-5xl font-semibold">
          {query.error.message}
        </p>
      </main>
    );
  }
  const data = query.data;
  const age = Math.max(0, now - query.dataUpdatedAt);
  const staleness = age > 5 * 60_000 ? "red" : age > 2 * REFRESH_MS + 2_000 ? "amber" : "ok";
  const sev1 = data.incidents.filter((i) => i.severity === "SEV1");
  const m = data.metrics;
  return (
    <main className="flex h-screen flex-col gap-5 overflow-hidden bg-bg p-6 text-fg scheme-dark">
      <header className="flex items-baseline justify-between gap-6">
        <h1 className="text-4xl font-semibold">{title}</h1>
        <div className="flex items-baseline gap-6 text-2xl">
          <span
            role="status"
            data-testid="wall-freshness"
            data-state={staleness}
            className={staleness === "ok" ? "text-muted" : staleness === "amber" ? "rounded bg-warning-soft px-3 text-warning" : "rounded bg-danger-soft px-3 text-danger"}
          >
            {staleness === "ok" ? `updated ${ago(age)} ago` : `Not updating: last data from ${new Date(query.dataUpdatedAt).toLocaleTimeString()} (${ago(age)} ago)`}
          </span>
          <time className="text-5xl font-semibold tabular-nums" suppressHydrationWarning>
            {new Date(now).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" })}
          </time>
        </div>
      </header>
      {sev1.length ? (
        <section role="alert" className="rounded-xl border-4 border-danger bg-danger-soft p-5 text-4xl font-semibold">
          SEV1 open: {sev1.map((i) => `${i.title} (${i.service})`).join(" · ")}
        </section>
      ) : null}
      <ul className="grid grid-cols-4 gap-5">
        <Tile label="Deployment frequency" value={formatFrequency(m.deploymentFrequency.perDay)} level={m.deploymentFrequency.level} change={m.deploymentFrequency.change} />
        <Tile label="Lead time" value={formatDuration(m.leadTime.medianSeconds)} level={m.leadTime.level} change={m.leadTime.change} />
        <Tile label="Change failure rate" value={formatPercent(m.changeFailureRate.rate)} level={m.changeFailureRate.level} change={m.changeFailureRate.change} />
        <Tile label="Recovery time" value={formatDuration(m.recoveryTime.medianSeconds)} level={m.recoveryTime.level} change={m.recoveryTime.change} />
      </ul>
      <div className="grid min-h-0 flex-1 grid-cols-3 gap-5">
        <section aria-labelledby="wall-incidents" className="min-h-0 overflow-hidden rounded-xl border border-border bg-surface p-5">
          <h2 id="wall-incidents" className="text-3xl font-semibold">
            Open incidents ({data.incidents.length})
          </h2>
          {data.incidents.length === 0 ? (
            <p className="mt-3 text-2xl text-muted">None. All quiet.</p>
          ) : (
            <ul className="mt-3 space-y-3 text-2xl">
              {data.incidents.slice(0, 6).map((i) => (
                <li key={i.id} data-testid="wall-incident">
                  <strong>{i.severity}</strong> {i.title} <span className="text-muted">· {i.service} · {i.status} · {ago(now - Date.parse(i.startedAt))}{i.lead ? ` · ${i.lead}` : ""}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="wall-changes" className="min-h-0 overflow-hidden rounded-xl border border-border bg-surface p-5">
          <h2 id="wall-changes" className="text-3xl font-semibold">
            Waiting for approval ({data.changes.waiting})
          </h2>
          <ul className="mt-3 space-y-2 text-2xl">
            {data.changes.top.map((c) => (
              <li key={c.id}>
                {c.title} <span className="text-muted">· {c.service} · {c.risk} risk</span>
              </li>
            ))}
          </ul>
          <p className="mt-4 text-xl text-muted">{data.freeze ? `Next freeze: ${data.freeze.name}, ${new Date(data.freeze.startsAt).toLocaleDateString()} – ${new Date(data.freeze.endsAt).toLocaleDateString()}` : "No freeze ahead."}</p>
          <h2 className="mt-5 text-3xl font-semibold">Deployed today</h2>
          <ul className="mt-2 grid grid-cols-2 gap-x-4 text-xl">
            {data.today.map((d) => (
              <li key={d.service}>
                {d.service}: {d.succeeded} ok{d.failed ? <strong className="text-danger">, {d.failed} failed</strong> : null}
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="wall-events" className="min-h-0 overflow-hidden rounded-xl border border-border bg-surface p-5">
          <h2 id="wall-events" className="text-3xl font-semibold">
            Latest events
          </h2>
          <ul className="mt-3 space-y-2 text-xl">
            {data.events.map((e) => (
              <li key={e.id} data-testid="wall-event">
                <span className="text-muted">{ago(now - Date.parse(e.at))} ago ·</span> {e.summary}
              </li>
            ))}
          </ul>
        </section>
      </div>
    </main>
  );
}
