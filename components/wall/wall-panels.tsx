"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRef } from "react";
import type { WallFullView, WallViewData } from "@/lib/wall/data";
import { WALL_WINDOW_DAYS } from "@/lib/wall/limits";
import { HEATMAP_DAYS } from "@/lib/wall/trends";
import { useFitting } from "./use-fitting";
import { formatDateTime, formatDuration, formatFrequency, formatPercent } from "@/lib/format";
import { usePageDateContext } from "@/components/charts/page-date-context";
import { DeployHeatmap, Sparkline } from "./wall-trends";

const ARROW = { up: "▲", down: "▼", flat: "▬" } as const;

type Change = WallFullView["metrics"]["leadTime"]["change"];
type Level = NonNullable<WallFullView["metrics"]["leadTime"]["level"]>;

/** Data (names, titles) inside a sentence: it stays as written. */
const data = (chunks: React.ReactNode) => <span translate="no">{chunks}</span>;

function Tile({ label, value, level, change, weekly }: { label: string; value: string; level: Level | null; change: Change; weekly: (number | null)[] }) {
  const t = useTranslations("Wall");
  const levels = useTranslations("Terms.levels");
  const amount = useTranslations("Metrics.change");
  // The number carries the size; its unit ("/ day", "min", "次/天") is smaller, so "14 / day" fits one line at 1280 px.
  const [number, ...unit] = value.split(" ");
  return (
    <li className="min-w-0 rounded-xl border-2 border-border bg-surface px-5 py-4" data-testid="wall-tile">
      <span className="flex items-baseline justify-between gap-3">
        <span className="text-2xl font-medium">{label}</span>
        <span className="shrink-0 rounded-md border-2 border-fg px-2 text-xl font-semibold" data-testid="wall-level">
          {level ? levels(level) : t("noLevel")}
        </span>
      </span>
      <span className="block whitespace-nowrap text-[clamp(3rem,5vw,6rem)] leading-tight font-bold tabular-nums" data-testid="wall-figure">
        {number}
        {unit.length ? <span className="text-[0.45em] font-semibold"> {unit.join(" ")}</span> : null}
      </span>
      <span className="flex items-center gap-3 text-xl">
        {change ? (
          <span className={change.better === null ? "text-muted" : change.better ? "text-success" : "text-danger"}>
            {ARROW[change.direction]} {t("change", { direction: change.direction, better: change.better ? "yes" : "no", amount: amount("amount", { unit: change.unit, value: change.value }) })}
            <span className="text-muted">{t("versus", { days: WALL_WINDOW_DAYS })}</span>
          </span>
        ) : (
          <span className="text-muted">{t("noEarlier")}</span>
        )}
      </span>
      <Sparkline values={weekly} label={label} />
      <span className="block text-base text-muted">{t("lastWeeks", { weeks: weekly.length })}</span>
    </li>
  );
}

/** How long ago, in whole seconds, minutes or hours, in the page's language ("12 s", "3 分钟"). */
export function useAgo() {
  const t = useTranslations("Wall");
  return (ms: number) =>
    ms < 60_000
      ? t("ago", { unit: "s", n: Math.max(0, Math.round(ms / 1000)) })
      : ms < 3 * 3_600_000
        ? t("ago", { unit: "min", n: Math.round(ms / 60_000) })
        : t("ago", { unit: "h", n: Math.round(ms / 3_600_000) });
}

/** One line: who answers for the view's teams right now. */
function OnCall({ view }: { view: WallViewData }) {
  const t = useTranslations("Wall");
  const dateContext = usePageDateContext();
  if (view.panels !== "all" || !view.onCall.length) return null;
  return (
    <p className="mt-2 text-2xl" data-testid="wall-on-call">
      <span className="font-semibold">{t("onCall")}</span>{" "}
      {view.onCall.map((o, i) => (
        <span key={o.team}>
          {i > 0 ? " · " : ""}
          <span translate="no">{o.team}</span> {o.name ? <span translate="no">{o.name}</span> : <span className="text-muted">{t("nobody")}</span>}
          {o.until ? <span className="text-muted">{t("until", { time: formatDateTime(o.until, dateContext, { zone: true }) })}</span> : null}
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
  const t = useTranslations("Wall");
  const status = useTranslations("Terms.incidentStatus");
  const ago = useAgo();
  return (
    <section
      ref={box}
      aria-labelledby="wall-incidents"
      className={`min-h-0 overflow-hidden rounded-xl border-2 bg-surface p-5 ${view.incidents.length ? "border-danger" : "border-border"}`}
      data-testid="wall-incidents"
    >
      <h2 id="wall-incidents" className="text-3xl font-semibold">
        {t("openIncidents", { count: view.incidents.length })}
      </h2>
      <OnCall view={view} />
      {view.incidents.length === 0 ? (
        <p className="mt-6 flex items-center gap-4 text-3xl text-success" data-testid="wall-all-quiet">
          <span aria-hidden="true" className="text-5xl">
            ✓
          </span>
          {t("allQuiet")}
        </p>
      ) : (
        <ul ref={list} className="mt-4 space-y-4">
          {view.incidents.slice(0, shown).map((i) => (
            <li key={i.id} data-testid="wall-incident" className="flex items-start gap-4">
              <span className={`shrink-0 rounded-md px-2 py-0.5 font-bold ${large ? "text-3xl" : "text-2xl"} ${SEVERITY_CLASS[i.severity] ?? SEVERITY_CLASS.SEV4}`}>{i.severity}</span>
              <span className="min-w-0">
                <span className={`block font-semibold ${large ? "text-4xl" : "text-2xl"}`} translate="no">
                  {i.title}
                </span>
                <span className={`block ${large ? "text-2xl" : "text-xl"}`}>
                  {t.rich("incident", {
                    service: i.service,
                    status: status(i.status),
                    ago: ago(now - Date.parse(i.startedAt)),
                    hasLead: i.lead ? "yes" : "no",
                    lead: i.lead ?? "",
                    data,
                    strong: (chunks) => <strong>{chunks}</strong>,
                    warn: (chunks) => <span className="font-semibold text-warning">{chunks}</span>,
                  })}
                </span>
              </span>
            </li>
          ))}
        </ul>
      )}
      {hidden > 0 ? <p className="mt-3 text-2xl font-semibold">{t("andMore", { count: hidden })}</p> : null}
    </section>
  );
}

function Approvals({ view, now }: { view: WallFullView; now: number }) {
  const t = useTranslations("Wall");
  const risk = useTranslations("Terms.risk");
  const dateContext = usePageDateContext();
  const box = useRef<HTMLElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const shown = useFitting({ box, list, count: view.changes.top.length, total: view.changes.waiting, inputs: [view, now] });
  return (
    <section ref={box} aria-labelledby="wall-changes" className="min-h-0 overflow-hidden rounded-xl border-2 border-border bg-surface p-5">
      <h2 id="wall-changes" className="text-3xl font-semibold">
        {t("waiting", { count: view.changes.waiting })}
      </h2>
      <ul ref={list} className="mt-3 space-y-2 text-2xl">
        {view.changes.top.slice(0, shown).map((c) => (
          <li key={c.id}>
            <span translate="no">{c.title}</span> <span className="text-muted">{t.rich("changeLine", { service: c.service, risk: risk(c.risk), data })}</span>
          </li>
        ))}
      </ul>
      {view.changes.waiting > shown ? <p className="mt-3 text-2xl font-semibold">{t("andMore", { count: view.changes.waiting - shown })}</p> : null}
      <p className="mt-4 text-xl">
        {view.freeze
          ? t.rich("freeze", {
              name: view.freeze.name,
              start: formatDateTime(view.freeze.startsAt, dateContext, { zone: true }),
              end: formatDateTime(view.freeze.endsAt, dateContext, { zone: true }),
              data,
            })
          : t("noFreeze")}
      </p>
      <p className={`mt-2 text-xl ${view.overdueActionItems ? "font-semibold text-danger" : "text-muted"}`} data-testid="wall-overdue">
        {t("overdue", { count: view.overdueActionItems })}
      </p>
    </section>
  );
}

function Deploys({ view, now }: { view: WallFullView; now: number }) {
  const box = useRef<HTMLElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const shown = useFitting({ box, list, count: view.events.length, inputs: [view, now] });
  const t = useTranslations("Wall");
  const ago = useAgo();
  return (
    <section ref={box} aria-labelledby="wall-deploys" className="min-h-0 overflow-hidden rounded-xl border-2 border-border bg-surface p-5">
      <h2 id="wall-deploys" className="text-3xl font-semibold">
        {t("deployments", { days: HEATMAP_DAYS })}
      </h2>
      <DeployHeatmap heatmap={view.heatmap} />
      <p className="mt-2 text-xl" data-testid="wall-today">
        <span className="font-semibold">{t("today")}</span>{" "}
        {view.today.length === 0
          ? t("nothingToday")
          : view.today.map((d, i) => (
              <span key={d.service}>
                {i > 0 ? " · " : ""}
                {t.rich("todayLine", { service: d.service, succeeded: d.succeeded, failed: d.failed, data, bad: (chunks) => <strong className="text-danger">{chunks}</strong> })}
              </span>
            ))}
      </p>
      <h2 id="wall-events" className="mt-4 text-2xl font-semibold">
        {t("latest")}
      </h2>
      <ul ref={list} aria-labelledby="wall-events" className="mt-2 space-y-1 text-xl">
        {view.events.slice(0, shown).map((e) => (
          <li key={e.id} data-testid="wall-event">
            <span className="text-muted">{t("eventAgo", { ago: ago(now - Date.parse(e.at)) })}</span> <span translate="no">{e.summary}</span>
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
  return <KeysAndPanels view={view} now={now} />;
}

function KeysAndPanels({ view, now }: { view: WallFullView; now: number }) {
  const t = useTranslations("Wall");
  const term = useTranslations("Terms.metrics");
  const locale = useLocale();
  const m = view.metrics;
  return (
    <>
      <ul className="grid grid-cols-4 gap-5" aria-label={t("metricsLabel", { days: WALL_WINDOW_DAYS })}>
        <Tile label={term("deploymentFrequency")} value={formatFrequency(m.deploymentFrequency.perDay, locale)} level={m.deploymentFrequency.level} change={m.deploymentFrequency.change} weekly={m.deploymentFrequency.weekly} />
        <Tile label={t("leadTime")} value={formatDuration(m.leadTime.medianSeconds, locale)} level={m.leadTime.level} change={m.leadTime.change} weekly={m.leadTime.weekly} />
        <Tile label={term("changeFailureRate")} value={formatPercent(m.changeFailureRate.rate, locale)} level={m.changeFailureRate.level} change={m.changeFailureRate.change} weekly={m.changeFailureRate.weekly} />
        <Tile label={t("recoveryTime")} value={formatDuration(m.recoveryTime.medianSeconds, locale)} level={m.recoveryTime.level} change={m.recoveryTime.change} weekly={m.recoveryTime.weekly} />
      </ul>
      <div className="grid min-h-0 flex-1 grid-cols-[1.3fr_1fr_1.2fr] gap-5">
        <Incidents view={view} now={now} limit={6} />
        <Approvals view={view} now={now} />
        <Deploys view={view} now={now} />
      </div>
    </>
  );
}
