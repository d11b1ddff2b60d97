"use client";

import { useRef } from "react";
import type { WallFullView, WallViewData } from "@/lib/wall/data";
import { useFitting } from "./use-fitting";
import { formatDateTime, formatDuration, formatFrequency, formatPercent } from "@/lib/format";
import { useDateContext } from "@/components/ui/date-context";

const ARROW = { up: "▲", down: "▼", flat: "▬" } as const;

type Change = WallFullView["metrics"]["leadTime"]["change"];

function Tile({ label, value, level, change }: { label: string; value: string; level: string | null; change: Change }) {
  // The number carries the size; its unit ("/ day", "min") is smaller, so "14 / day" fits one line at 1280 px.
  const [number, ...unit] = value.split(" ");
  return (
    <li className="min-w-0 rounded-xl border border-border bg-surface p-5">
      <span className="block text-2xl text-muted">{label}</span>
      <span className="block whitespace-nowrap text-[clamp(3rem,5vw,8rem)] leading-tight font-semibold tabular-nums" data-testid="wall-figure">
        {number}
        {unit.length ? <span className="text-[0.45em]"> {unit.join(" ")}</span> : null}
      </span>
      <span className="mt-2 flex items-center gap-3 text-xl">
        <span className="rounded bg-surface-2 px-2 py-0.5 text-xl font-semibold">{level ?? "no level"}</span>
        {change ? (
          <span className={change.better === null ? "text-muted" : change.better ? "text-success" : "text-danger"}>
            {ARROW[change.direction]} {change.direction === "flat" ? "steady" : `${change.amount} ${change.better ? "better" : "worse"}`}
          </span>
        ) : null}
      </span>
    </li>
  );
}

export const ago = (ms: number) => (ms < 60_000 ? `${Math.max(0, Math.round(ms / 1000))} s` : ms < 3 * 3_600_000 ? `${Math.round(ms / 60_000)} min` : `${Math.round(ms / 3_600_000)} h`);

/** One line: who answers for the view's teams right now. */
function OnCall({ view }: { view: WallViewData }) {
  const dateContext = useDateContext();
  if (view.panels !== "all" || !view.onCall.length) return null;
  return (
    <p className="mt-2 text-xl 2xl:text-2xl" data-testid="wall-on-call">
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

function Incidents({ view, now, limit }: { view: WallViewData; now: number; limit: number }) {
  const box = useRef<HTMLElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const shown = useFitting({ box, list, count: Math.min(limit, view.incidents.length), total: view.incidents.length, inputs: [view, now] });
  const hidden = view.incidents.length - shown;
  return (
    <section ref={box} aria-labelledby="wall-incidents" className="min-h-0 overflow-hidden rounded-xl border border-border bg-surface p-5" data-testid="wall-incidents">
      <h2 id="wall-incidents" className="text-2xl font-semibold 2xl:text-3xl">
        Open incidents ({view.incidents.length})
      </h2>
      <OnCall view={view} />
      {view.incidents.length === 0 ? (
        <p className="mt-3 text-xl text-muted 2xl:text-2xl">None. All quiet.</p>
      ) : (
        <ul ref={list} className="mt-3 space-y-3 text-xl 2xl:text-2xl">
          {view.incidents.slice(0, shown).map((i) => (
            <li key={i.id} data-testid="wall-incident">
              <strong>{i.severity}</strong> {i.title}{" "}
              <span className="text-muted">
                · {i.service} · {i.status} · open {ago(now - Date.parse(i.startedAt))}
                {i.lead ? ` · lead ${i.lead}` : " · no lead"}
              </span>
            </li>
          ))}
        </ul>
      )}
      {hidden > 0 ? <p className="mt-3 text-xl font-semibold 2xl:text-2xl">and {hidden} more</p> : null}
    </section>
  );
}

function Approvals({ view, now }: { view: WallFullView; now: number }) {
  const dateContext = useDateContext();
  const box = useRef<HTMLElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const shown = useFitting({ box, list, count: view.changes.top.length, total: view.changes.waiting, inputs: [view, now] });
  return (
    <section ref={box} aria-labelledby="wall-changes" className="min-h-0 overflow-hidden rounded-xl border border-border bg-surface p-5">
      <h2 id="wall-changes" className="text-2xl font-semibold 2xl:text-3xl">
        Waiting for approval ({view.changes.waiting})
      </h2>
      <ul ref={list} className="mt-3 space-y-2 text-xl 2xl:text-2xl">
        {view.changes.top.slice(0, shown).map((c) => (
          <li key={c.id}>
            {c.title} <span className="text-muted">· {c.service} · {c.risk} risk</span>
          </li>
        ))}
      </ul>
      {view.changes.waiting > shown ? <p className="mt-3 text-xl font-semibold 2xl:text-2xl">and {view.changes.waiting - shown} more</p> : null}
      <p className="mt-4 text-xl text-muted">
        {view.freeze ? `Next freeze: ${view.freeze.name}, ${formatDateTime(view.freeze.startsAt, dateContext, { zone: true })} – ${formatDateTime(view.freeze.endsAt, dateContext, { zone: true })}` : "No freeze ahead."}
      </p>
      <p className={`mt-2 text-xl ${view.overdueActionItems ? "font-semibold text-danger" : "text-muted"}`} data-testid="wall-overdue">
        {view.overdueActionItems === 1 ? "1 action item overdue" : `${view.overdueActionItems || "No"} action items overdue`}
      </p>
      <h2 className="mt-5 text-2xl font-semibold 2xl:text-3xl">Deployed today</h2>
      {view.today.length === 0 ? <p className="mt-2 text-xl text-muted">Nothing yet today.</p> : null}
      <ul className="mt-2 grid grid-cols-2 gap-x-4 text-xl">
        {view.today.map((d) => (
          <li key={d.service}>
            {d.service}: {d.succeeded} ok{d.failed ? <strong className="text-danger">, {d.failed} failed</strong> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

function LatestEvents({ view, now }: { view: WallFullView; now: number }) {
  const box = useRef<HTMLElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const shown = useFitting({ box, list, count: view.events.length, inputs: [view, now] });
  return (
    <section ref={box} aria-labelledby="wall-events" className="min-h-0 overflow-hidden rounded-xl border border-border bg-surface p-5">
      <h2 id="wall-events" className="text-2xl font-semibold 2xl:text-3xl">
        Latest events
      </h2>
      <ul ref={list} className="mt-3 space-y-2 text-xl">
        {view.events.slice(0, shown).map((e) => (
          <li key={e.id} data-testid="wall-event">
            <span className="text-muted">{ago(now - Date.parse(e.at))} ago ·</span> {e.summary}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** One view's panels: the four keys, incidents, approvals and freezes, today's deployments, the latest events. */
export function WallPanels({ view, now }: { view: WallViewData; now: number }) {
  if (view.panels === "incidents") {
    return (
      <div className="grid min-h-0 flex-1">
        <Incidents view={view} now={now} limit={12} />
      </div>
    );
  }
  const m = view.metrics;
  return (
    <>
      <ul className="grid grid-cols-4 gap-5" aria-label="DORA metrics, last 30 days">
        <Tile label="Deployment frequency" value={formatFrequency(m.deploymentFrequency.perDay)} level={m.deploymentFrequency.level} change={m.deploymentFrequency.change} />
        <Tile label="Lead time" value={formatDuration(m.leadTime.medianSeconds)} level={m.leadTime.level} change={m.leadTime.change} />
        <Tile label="Change failure rate" value={formatPercent(m.changeFailureRate.rate)} level={m.changeFailureRate.level} change={m.changeFailureRate.change} />
        <Tile label="Recovery time" value={formatDuration(m.recoveryTime.medianSeconds)} level={m.recoveryTime.level} change={m.recoveryTime.change} />
      </ul>
      <div className="grid min-h-0 flex-1 grid-cols-3 gap-5">
        <Incidents view={view} now={now} limit={6} />
        <Approvals view={view} now={now} />
        <LatestEvents view={view} now={now} />
      </div>
    </>
  );
}
