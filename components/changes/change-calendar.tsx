"use client";

import Link from "next/link";
import { useSyncExternalStore } from "react";
import { useLocale, useTranslations } from "next-intl";
import { calendarPeriod, formatCalendarDate, localDayStart, onDay, parseCalendarDate, utcDayStart, type CalendarDay, type CalendarView, type Clash } from "@/lib/changes/calendar";
import { formatCalendarDay, formatTime, type DateContext } from "@/lib/format";
import { useDateContext } from "@/components/ui/date-context";
import { buttonClass } from "@/components/ui/styles";

export type CalendarChangeItem = { id: number; title: string; service: string; serviceName: string; status: string; type: string; start: string; end: string; clashes: Clash[] };
export type CalendarFreezeItem = { id: number; name: string; serviceName: string | null; reason: string | null; startsAt: string; endsAt: string };
export type CalendarFilters = { team?: string; service?: string };

type Props = { view: CalendarView; anchor: string; changes: CalendarChangeItem[]; freezes: CalendarFreezeItem[]; filters: CalendarFilters };

export function calendarHref(view: CalendarView, date: string | undefined, filters: CalendarFilters): string {
  const query = new URLSearchParams(Object.entries({ view, date, ...filters }).filter((entry): entry is [string, string] => Boolean(entry[1])));
  return `/changes/calendar?${query}`;
}

const subscribe = () => () => undefined;
/** The reader's own date, once hydrated (the server cannot know it). */
function localToday(): string {
  const now = new Date();
  return formatCalendarDate({ year: now.getFullYear(), month: now.getMonth(), day: now.getDate() });
}
const useToday = () => useSyncExternalStore(subscribe, localToday, () => null);

/**
 * Dates in the page's language: a Chinese page names months and weekdays in Chinese whatever the
 * browser says; an English one keeps the reader's own English (en-GB or en-US order).
 */
function useCalendarDateContext(): DateContext {
  const reader = useDateContext();
  const locale = useLocale();
  return locale === "en" ? reader : { ...reader, locale };
}

type Translate = ReturnType<typeof useTranslations<"ChangeCalendar">>;
const data = (chunks: React.ReactNode) => <span translate="no">{chunks}</span>;
/** The clash sign the calendar app's summary uses too; screen readers get the word instead. */
const CLASH_MARK = "⚠ ";

/** One clash in words, the names in it marked as data. */
function ClashText({ clash, t }: { clash: Clash; t: Translate }) {
  if (clash.kind === "overlap") return t.rich("overlap", { id: String(clash.id), title: clash.title, service: clash.serviceName, data });
  return clash.serviceName === null ? t.rich("inGlobalFreeze", { name: clash.name, data }) : t.rich("inFreeze", { name: clash.name, scope: clash.serviceName, data });
}

/** The same words as plain text, for a tooltip. */
function clashLine(clash: Clash, t: Translate): string {
  const plain = (chunks: string) => chunks;
  if (clash.kind === "overlap") return t.markup("overlap", { id: String(clash.id), title: clash.title, service: clash.serviceName, data: plain });
  return clash.serviceName === null ? t.markup("inGlobalFreeze", { name: clash.name, data: plain }) : t.markup("inFreeze", { name: clash.name, scope: clash.serviceName, data: plain });
}

type DayItems = { changes: CalendarChangeItem[]; freezes: CalendarFreezeItem[] };
function itemsOn(day: CalendarDay, { changes, freezes }: DayItems): DayItems {
  return {
    changes: changes.filter((c) => onDay(day, new Date(c.start), new Date(c.end))),
    freezes: freezes.filter((f) => onDay(day, new Date(f.startsAt), new Date(f.endsAt))),
  };
}

/** "10:00" when it starts that day, else "…" (it carries on from an earlier day). */
const startLabel = (iso: string, day: CalendarDay, ctx: DateContext) => (new Date(iso) >= day.start ? formatTime(iso, ctx) : "…");

function ChangeChip({ change, day, ctx, wide, t }: { change: CalendarChangeItem; day: CalendarDay; ctx: DateContext; wide: boolean; t: Translate }) {
  const clash = change.clashes.length > 0;
  return (
    <Link href={`/changes/${change.id}`} className={`block rounded border-l-4 px-1.5 py-1 text-xs hover:underline ${clash ? "border-danger bg-danger-soft" : "border-accent bg-accent-soft"}`}>
      <span className="font-medium tabular-nums">{startLabel(change.start, day, ctx)}</span>{" "}
      {clash ? (
        <span className="font-semibold">
          <span aria-hidden="true">{CLASH_MARK}</span>
          <span className="sr-only">{t("conflictMark")}</span>
        </span>
      ) : null}
      {/* The title is data; where the clashes are not written out, hovering it shows them (already in the page's language). */}
      <span className={wide ? "" : "break-words"} translate="no" title={clash && !wide ? change.clashes.map((c) => clashLine(c, t)).join("\n") : undefined}>
        {change.title}
      </span>{" "}
      <span className="text-muted">
        {"· "}
        <span translate="no">{change.service}</span>
      </span>
      {wide && clash ? (
        <span className="mt-0.5 block text-danger">
          {change.clashes.map((c, i) => (
            <span key={i}>
              {i ? "; " : null}
              <ClashText clash={c} t={t} />
            </span>
          ))}
        </span>
      ) : null}
    </Link>
  );
}

function FreezeChip({ freeze, t }: { freeze: CalendarFreezeItem; t: Translate }) {
  return (
    <Link href="/changes/freezes" className="block rounded border border-dashed border-warning bg-warning-soft px-1.5 py-1 text-xs hover:underline">
      <span className="font-semibold">{t("freezeMark")}</span>{" "}
      <span className="break-words" translate="no">
        {freeze.name}
      </span>{" "}
      <span className="text-muted">
        {"· "}
        <span translate={freeze.serviceName ? "no" : undefined}>{freeze.serviceName ?? t("everyService")}</span>
      </span>
    </Link>
  );
}

function DayItemsList({ items, day, ctx, wide, t }: { items: DayItems; day: CalendarDay; ctx: DateContext; wide: boolean; t: Translate }) {
  if (!items.changes.length && !items.freezes.length) return null;
  return (
    <ul className="space-y-1">
      {items.freezes.map((f) => (
        <li key={`f${f.id}`}>
          <FreezeChip freeze={f} t={t} />
        </li>
      ))}
      {items.changes.map((c) => (
        <li key={`c${c.id}`}>
          <ChangeChip change={c} day={day} ctx={ctx} wide={wide} t={t} />
        </li>
      ))}
    </ul>
  );
}

/**
 * The week or month of planned changes and freezes, cut into days where the reader's midnights are (UTC
 * while rendered on the server). Wide screens get a grid, narrow ones an agenda of the days that hold something.
 */
export function ChangeCalendar({ view, anchor, changes, freezes, filters }: Props) {
  const t = useTranslations("ChangeCalendar");
  const ctx = useCalendarDateContext();
  const today = useToday();
  const period = calendarPeriod(view, parseCalendarDate(anchor)!, ctx.timeZone === "UTC" ? utcDayStart : localDayStart);
  const all = { changes, freezes };
  const days = period.days.map((day) => ({ day, items: itemsOn(day, all) }));
  const title = view === "month" ? formatCalendarDay(anchor, ctx, "month") : t("weekOf", { date: formatCalendarDay(period.days[0]!.key, ctx, "full") });
  const shown = changes.filter((c) => days.some(({ day, items }) => day.inPeriod && items.changes.includes(c)));
  const clashing = shown.filter((c) => c.clashes.length);
  const agenda = days.filter(({ day, items }) => day.inPeriod && (items.changes.length || items.freezes.length));
  return (
    <section aria-labelledby="calendar-title" className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="calendar-title" className="text-lg font-semibold" aria-live="polite">
          {title}
        </h2>
        <nav aria-label={t("periodNav")} className="flex flex-wrap items-center gap-2">
          <Link href={calendarHref(view, period.previous, filters)} className={buttonClass.secondary} aria-label={t(`previousLabel.${view}`)}>
            <span aria-hidden="true">←</span> {t(`previous.${view}`)}
          </Link>
          <Link href={calendarHref(view, today ?? undefined, filters)} className={buttonClass.secondary}>
            {t("today")}
          </Link>
          <Link href={calendarHref(view, period.next, filters)} className={buttonClass.secondary} aria-label={t(`nextLabel.${view}`)}>
            {t(`next.${view}`)} <span aria-hidden="true">→</span>
          </Link>
          <span className="mx-1 h-6 w-px bg-border" aria-hidden="true" />
          {(["week", "month"] as const).map((v) => (
            <Link key={v} href={calendarHref(v, anchor, filters)} aria-current={v === view ? "page" : undefined} className={`${buttonClass.secondary} aria-[current=page]:bg-accent aria-[current=page]:text-accent-fg`}>
              {t(`views.${v}`)}
            </Link>
          ))}
        </nav>
      </div>

      <ol className="hidden grid-cols-7 gap-px overflow-hidden rounded-lg border border-border bg-border sm:grid" aria-label={t("grid", { title })}>
        {days.map(({ day, items }) => (
          <li
            key={day.key}
            aria-current={day.key === today ? "date" : undefined}
            className={`min-w-0 bg-bg p-1.5 aria-[current=date]:bg-accent-soft ${view === "week" ? "min-h-48" : "min-h-24"} ${day.inPeriod ? "" : "bg-surface text-muted"}`}
          >
            <h3 className="mb-1 text-xs font-medium">
              {view === "week" ? (
                formatCalendarDay(day.key, ctx, "day")
              ) : (
                <>
                  <span aria-hidden="true">{day.date.day}</span>
                  <span className="sr-only">{formatCalendarDay(day.key, ctx, "full")}</span>
                </>
              )}
            </h3>
            <DayItemsList items={items} day={day} ctx={ctx} wide={false} t={t} />
          </li>
        ))}
      </ol>

      <div className="sm:hidden">
        {agenda.length ? (
          <ol className="space-y-4" aria-label={t("agenda", { title })}>
            {agenda.map(({ day, items }) => (
              <li key={day.key}>
                <h3 className="mb-1 text-sm font-semibold">{formatCalendarDay(day.key, ctx, "full")}</h3>
                <DayItemsList items={items} day={day} ctx={ctx} wide t={t} />
              </li>
            ))}
          </ol>
        ) : null}
      </div>

      {shown.length === 0 && !days.some(({ day, items }) => day.inPeriod && items.freezes.length) ? <p className="text-sm">{t(`empty.${view}`)}</p> : null}

      <section aria-labelledby="conflicts-heading" className="space-y-2">
        <h2 id="conflicts-heading" className="text-lg font-semibold">
          {t(`conflicts.${view}`)}
        </h2>
        {clashing.length ? (
          <ul className="space-y-2 text-sm">
            {clashing.map((c) => (
              <li key={c.id} className="rounded-md border border-danger bg-danger-soft p-2">
                <span aria-hidden="true">{CLASH_MARK}</span>
                <Link href={`/changes/${c.id}`} className="font-medium text-accent underline" translate="no">
                  {c.title}
                </Link>{" "}
                <span className="text-muted">
                  {"("}
                  <span translate="no">{c.serviceName}</span>
                  {")"}
                </span>
                <ul className="ml-5 list-disc">
                  {c.clashes.map((clash, i) => (
                    <li key={i}>
                      <ClashText clash={clash} t={t} />
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-muted">{t("noConflicts")}</p>
        )}
      </section>
    </section>
  );
}
