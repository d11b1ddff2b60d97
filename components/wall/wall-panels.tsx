/* eslint-disable no-restricted-syntax, react/jsx-no-literals -- issue 19: this file's UI text is not yet in the message catalogs */
"use client";

import { useRef } from "react";
import type { WallFullView, WallViewData } from "@/lib/wall/data";
import { useFitting } from "./use-fitting";
import { formatDateTime, formatDuration, formatFrequency, formatPercent } from "@/lib/format";
import { useDateContext } from "@/components/ui/date-context";
import { DeployHeatmap, Sparkline } from "./wall-trends";

const ARROW = { up: "▲", down: "▼", flat: "▬" } as const;

type Change = WallFullView["metrics"]["leadTime"]["change"];

function Tile({ label, value, level, change, weekly }: { label: string; value: string; level: string | null; change: Change; weekly: (number | null)[] }) {
  // The number carries the size; its unit ("/ day", "min") is smaller, so "14 / day" fits one line at 1280 px.
  const [number, ...unit] = value.split(" ");
  return (
    <li className="min-w-0 rounded-xl border-2 border-border bg-surface px-5 py-4" data-testid="wall-tile">
      <span className="flex items-baseline justify-between gap-3">
        <span className="text-2xl font-medium">{label}</span>
        <span className="shrink-0 rounded-md border-2 border-fg px-2 text-xl font-semibold" data-testid="wall-level">
          {level ? `${level[0]!.toUpperCase()}${level.slice(1)}` : "No level"}
        </span>
      </span>
      <span className="block whitespace-nowrap text-[clamp(3rem,5vw,6rem)] leading-tight font-bold tabular-nums" data-testid="wall-figure">
        {number}
        {unit.length ? <span className="text-[0.45em] font-semibold"> {unit.join(" ")}</span> : null}
      </span>
      <span className="flex items-center gap-3 text-xl">
        {change ? (
          <span className={change.better === null ? "text-muted" : change.better ? "text-success" : "text-danger"}>
            {ARROW[change.direction]} {change.direction === "flat" ? "steady" : `${change.amount} ${change.better ? "better" : "worse"}`}
            <span className="text-muted"> vs previous 30 days</span>
          </span>
        ) : (
          <span className="text-muted">no earlier figure</span>
        )}
      </span>
      <Sparkline values={weekly} label={label} />
      <span className="block text-base text-muted">last {weekly.length} weeks</span>
    </li>
  );
}

export const ago = (ms: number) => (ms < 60_000 ? `${Math.max(0, Math.round(ms / 1000))} s` : ms < 3 * 3_600_000 ? `${Math.round(ms / 60_000)} min` : `${Math.round(ms / 3_600_000)} h`);

/** One line: who answers for the view's teams right now. */
function OnCall({ view }: { view: WallViewData }) {
  const dateContext = useDateContext();
  if (view.panels !== "all" || !view.onCall.length) return null;
  return (
    <p className="mt-2 text-2xl" data-testid="wall-on-call">
      <span className="font-semibold">On call:</span>{" "}
      {view.onCall.map((o, i) => (
        <span key={o.team}>
          {i > 0 ? " · " : ""}
          {o.team} {o.name ?? <span className="text-muted">nobody</span>}
          {o.until ? <span className="text-muted"> until {formatDateTime(o.until, dateContext, { zone: true })}</span> : null}
        </span>
      ))}
    </p>
  );
}

/** Severity in words on a colour that repeats it, so the colour is never the only signal. */
const SEVERITY_CLASS: Record<string, string> = {
  SEV1: "bg-danger text-bg",
  SEV2: "bg-danger-soft text-danger border-2 border-danger",
  SEV3: "bg-warning-soft text-warning border-2 border-warning",
  SEV4: "bg-surface-2 text-fg border-2 border-border",
};

function Incidents({ view, now, limit, large }: { view: WallViewData; now: number; limit: number; large?: boolean }) {
  const box = useRef<HTMLElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const shown = useFitting({ box, list, count: Math.min(limit, view.incidents.length), total: view.incidents.length, inputs: [view, now] });
  const hidden = view.incidents.length - shown;
  return (
    <section
      ref={box}
      aria-labelledby="wall-incidents"
      className={`min-h-0 overflow-hidden rounded-xl border-2 bg-surface p-5 ${view.incidents.length ? "border-danger" : "border-border"}`}
      data-testid="wall-incidents"
    >
      <h2 id="wall-incidents" className="text-3xl font-semibold">
        Open incidents ({view.incidents.length})
      </h2>
      <OnCall view={view} />
      {view.incidents.length === 0 ? (
        <p className="mt-6 flex items-center gap-4 text-3xl text-success" data-testid="wall-all-quiet">
          <span aria-hidden="true" className="text-5xl">
            ✓
          </span>
          All quiet: no open incidents.
        </p>
      ) : (
        <ul ref={list} className="mt-4 space-y-4">
          {view.incidents.slice(0, shown).map((i) => (
            <li key={i.id} data-testid="wall-incident" className="flex items-start gap-4">
              <span className={`shrink-0 rounded-md px-2 py-0.5 font-bold ${large ? "text-3xl" : "text-2xl"} ${SEVERITY_CLASS[i.severity] ?? SEVERITY_CLASS.SEV4}`}>{i.severity}</span>
              <span className="min-w-0">
                <span className={`block font-semibold ${large ? "text-4xl" : "text-2xl"}`}>{i.title}</span>
                <span className={`block ${large ? "text-2xl" : "text-xl"}`}>
                  {i.service} · {i.status} · open <strong>{ago(now - Date.parse(i.startedAt))}</strong> · {i.lead ? `lead ${i.lead}` : <span className="font-semibold text-warning">no lead</span>}
                </span>
              </span>
            </li>
          ))}
        </ul>
      )}
      {hidden > 0 ? <p className="mt-3 text-2xl font-semibold">and {hidden} more</p> : null}
    </section>
  );
}

function Approvals({ view, now }: { view: WallFullView; now: number }) {
  const dateContext = useDateContext();
  const box = useRef<HTMLElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const shown = useFitting({ box, list, count: view.changes.top.length, total: view.changes.waiting, inputs: [view, now] });
  return (
    <section ref={box} aria-labelledby="wall-changes" className="min-h-0 overflow-hidden rounded-xl border-2 border-border bg-surface p-5">
      <h2 id="wall-changes" className="text-3xl font-semibold">
        Waiting for approval ({view.changes.waiting})
      </h2>
      <ul ref={list} className="mt-3 space-y-2 text-2xl">
        {view.changes.top.slice(0, shown).map((c) => (
          <li key={c.id}>
            {c.title} <span className="text-muted">· {c.service} · {c.risk} risk</span>
          </li>
        ))}
      </ul>
      {view.changes.waiting > shown ? <p className="mt-3 text-2xl font-semibold">and {view.changes.waiting - shown} more</p> : null}
      <p className="mt-4 text-xl">
        {view.freeze ? `Next freeze: ${view.freeze.name}, ${formatDateTime(view.freeze.startsAt, dateContext, { zone: true })} – ${formatDateTime(view.freeze.endsAt, dateContext, { zone: true })}` : "No freeze ahead."}
      </p>
      <p className={`mt-2 text-xl ${view.overdueActionItems ? "font-semibold text-danger" : "text-muted"}`} data-testid="wall-overdue">
        {view.overdueActionItems === 1 ? "1 action item overdue" : `${view.overdueActionItems || "No"} action items overdue`}
      </p>
    </section>
  );
}

function Deploys({ view, now }: { view: WallFullView; now: number }) {
  const box = useRef<HTMLElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const shown = useFitting({ box, list, count: view.events.length, inputs: [view, now] });
  return (
    <section ref={box} aria-labelledby="wall-deploys" className="min-h-0 overflow-hidden rounded-xl border-2 border-border bg-surface p-5">
      <h2 id="wall-deploys" className="text-3xl font-semibold">
        Deployments, last 7 days
      </h2>
      <DeployHeatmap heatmap={view.heatmap} />
      <p className="mt-2 text-xl" data-testid="wall-today">
        <span className="font-semibold">Today:</span>{" "}
        {view.today.length === 0
          ? "nothing yet."
          : view.today.map((d, i) => (
              <span key={d.service}>
                {i > 0 ? " · " : ""}
                {d.service} {d.succeeded} ok{d.failed ? <strong className="text-danger">, {d.failed} failed</strong> : null}
              </span>
            ))}
      </p>
      <h2 id="wall-events" className="mt-4 text-2xl font-semibold">
        Latest events
      </h2>
      <ul ref={list} aria-labelledby="wall-events" className="mt-2 space-y-1 text-xl">
        {view.events.slice(0, shown).map((e) => (
          <li key={e.id} data-testid="wall-event">
            <span className="text-muted">{ago(now - Date.parse(e.at))} ago ·</span> {e.summary}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** One view's panels: the four keys with their trends, incidents, approvals and freezes, the deploy heatmap, the latest events. */
export function WallPanels({ view, now }: { view: WallViewData; now: number }) {
  if (view.panels === "incidents") {
    return (
      <div className="grid min-h-0 flex-1">
        <Incidents view={view} now={now} limit={12} large />
      </div>
    );
  }
  const m = view.metrics;
  return (
    <>
      <ul className="grid grid-cols-4 gap-5" aria-label="DORA metrics, last 30 days">
        <Tile label="Deployment frequency" value={formatFrequency(m.deploymentFrequency.perDay)} level={m.deploymentFrequency.level} change={m.deploymentFrequency.change} weekly={m.deploymentFrequency.weekly} />
        <Tile label="Lead time" value={formatDuration(m.leadTime.medianSeconds)} level={m.leadTime.level} change={m.leadTime.change} weekly={m.leadTime.weekly} />
        <Tile label="Change failure rate" value={formatPercent(m.changeFailureRate.rate)} level={m.changeFailureRate.level} change={m.changeFailureRate.change} weekly={m.changeFailureRate.weekly} />
        <Tile label="Recovery time" value={formatDuration(m.recoveryTime.medianSeconds)} level={m.recoveryTime.level} change={m.recoveryTime.change} weekly={m.recoveryTime.weekly} />
      </ul>
      <div className="grid min-h-0 flex-1 grid-cols-[1.3fr_1fr_1.2fr] gap-5">
        <Incidents view={view} now={now} limit={6} />
        <Approvals view={view} now={now} />
        <Deploys view={view} now={now} />
      </div>
    </>
  );
}
