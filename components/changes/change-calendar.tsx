/* eslint-disable no-restricted-syntax, react/jsx-no-literals -- issue 19: this file's UI text is not yet in the message catalogs */
"use client";

import Link from "next/link";
import { useSyncExternalStore } from "react";
import { calendarPeriod, formatCalendarDate, localDayStart, onDay, parseCalendarDate, utcDayStart, type CalendarDay, type CalendarView } from "@/lib/changes/calendar";
import { formatCalendarDay, formatTime, type DateContext } from "@/lib/format";
import { useDateContext } from "@/components/ui/date-context";
import { buttonClass } from "@/components/ui/styles";

export type CalendarChangeItem = { id: number; title: string; service: string; serviceName: string; status: string; type: string; start: string; end: string; conflicts: string[] };
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

type DayItems = { changes: CalendarChangeItem[]; freezes: CalendarFreezeItem[] };
function itemsOn(day: CalendarDay, { changes, freezes }: DayItems): DayItems {
  return {
    changes: changes.filter((c) => onDay(day, new Date(c.start), new Date(c.end))),
    freezes: freezes.filter((f) => onDay(day, new Date(f.startsAt), new Date(f.endsAt))),
  };
}

/** "10:00" when it starts that day, else "…" (it carries on from an earlier day). */
const startLabel = (iso: string, day: CalendarDay, ctx: DateContext) => (new Date(iso) >= day.start ? formatTime(iso, ctx) : "…");

function ChangeChip({ change, day, ctx, wide }: { change: CalendarChangeItem; day: CalendarDay; ctx: DateContext; wide: boolean }) {
  const clash = change.conflicts.length > 0;
  return (
    <Link
      href={`/changes/${change.id}`}
      title={clash ? change.conflicts.join("\n") : undefined}
      className={`block rounded border-l-4 px-1.5 py-1 text-xs hover:underline ${clash ? "border-danger bg-danger-soft" : "border-accent bg-accent-soft"}`}
    >
      <span className="font-medium tabular-nums">{startLabel(change.start, day, ctx)}</span>{" "}
      {clash ? (
        <span className="font-semibold">
          <span aria-hidden="true">⚠ </span>
          <span className="sr-only">Conflict: </span>
        </span>
      ) : null}
      <span className={wide ? "" : "break-words"}>{change.title}</span> <span className="text-muted">· {change.service}</span>
      {wide && clash ? <span className="mt-0.5 block text-danger">{change.conflicts.join("; ")}</span> : null}
    </Link>
  );
}

function FreezeChip({ freeze }: { freeze: CalendarFreezeItem }) {
  return (
    <Link href="/changes/freezes" className="block rounded border border-dashed border-warning bg-warning-soft px-1.5 py-1 text-xs hover:underline">
      <span className="font-semibold">Freeze:</span> <span className="break-words">{freeze.name}</span> <span className="text-muted">· {freeze.serviceName ?? "every service"}</span>
    </Link>
  );
}

function DayItemsList({ items, day, ctx, wide }: { items: DayItems; day: CalendarDay; ctx: DateContext; wide: boolean }) {
  if (!items.changes.length && !items.freezes.length) return null;
  return (
    <ul className="space-y-1">
      {items.freezes.map((f) => (
        <li key={`f${f.id}`}>
          <FreezeChip freeze={f} />
        </li>
      ))}
      {items.changes.map((c) => (
        <li key={`c${c.id}`}>
          <ChangeChip change={c} day={day} ctx={ctx} wide={wide} />
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
  const ctx = useDateContext();
  const today = useToday();
  const period = calendarPeriod(view, parseCalendarDate(anchor)!, ctx.timeZone === "UTC" ? utcDayStart : localDayStart);
  const all = { changes, freezes };
  const days = period.days.map((day) => ({ day, items: itemsOn(day, all) }));
  const title = view === "month" ? formatCalendarDay(anchor, ctx, "month") : `Week of ${formatCalendarDay(period.days[0]!.key, ctx, "full")}`;
  const shown = changes.filter((c) => days.some(({ day, items }) => day.inPeriod && items.changes.includes(c)));
  const clashes = shown.filter((c) => c.conflicts.length);
  const agenda = days.filter(({ day, items }) => day.inPeriod && (items.changes.length || items.freezes.length));
  return (
    <section aria-labelledby="calendar-title" className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="calendar-title" className="text-lg font-semibold" aria-live="polite">
          {title}
        </h2>
        <nav aria-label="Calendar period" className="flex flex-wrap items-center gap-2">
          <Link href={calendarHref(view, period.previous, filters)} className={buttonClass.secondary} aria-label={`Previous ${view}`}>
            <span aria-hidden="true">←</span> Previous
          </Link>
          <Link href={calendarHref(view, today ?? undefined, filters)} className={buttonClass.secondary}>
            Today
          </Link>
          <Link href={calendarHref(view, period.next, filters)} className={buttonClass.secondary} aria-label={`Next ${view}`}>
            Next <span aria-hidden="true">→</span>
          </Link>
          <span className="mx-1 h-6 w-px bg-border" aria-hidden="true" />
          {(["week", "month"] as const).map((v) => (
            <Link key={v} href={calendarHref(v, anchor, filters)} aria-current={v === view ? "page" : undefined} className={`${buttonClass.secondary} aria-[current=page]:bg-accent aria-[current=page]:text-accent-fg`}>
              {v === "week" ? "Week" : "Month"}
            </Link>
          ))}
        </nav>
      </div>

      <ol className="hidden grid-cols-7 gap-px overflow-hidden rounded-lg border border-border bg-border sm:grid" aria-label={`${title}, day by day`}>
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
            <DayItemsList items={items} day={day} ctx={ctx} wide={false} />
          </li>
        ))}
      </ol>

      <div className="sm:hidden">
        {agenda.length ? (
          <ol className="space-y-4" aria-label={`${title}, days with changes or freezes`}>
            {agenda.map(({ day, items }) => (
              <li key={day.key}>
                <h3 className="mb-1 text-sm font-semibold">{formatCalendarDay(day.key, ctx, "full")}</h3>
                <DayItemsList items={items} day={day} ctx={ctx} wide />
              </li>
            ))}
          </ol>
        ) : null}
      </div>

      {shown.length === 0 && !days.some(({ day, items }) => day.inPeriod && items.freezes.length) ? <p className="text-sm">No planned change or freeze in this {view}.</p> : null}

      <section aria-labelledby="conflicts-heading" className="space-y-2">
        <h2 id="conflicts-heading" className="text-lg font-semibold">
          Conflicts this {view}
        </h2>
        {clashes.length ? (
          <ul className="space-y-2 text-sm">
            {clashes.map((c) => (
              <li key={c.id} className="rounded-md border border-danger bg-danger-soft p-2">
                <span aria-hidden="true">⚠ </span>
                <Link href={`/changes/${c.id}`} className="font-medium text-accent underline">
                  {c.title}
                </Link>{" "}
                <span className="text-muted">({c.serviceName})</span>
                <ul className="ml-5 list-disc">
                  {c.conflicts.map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-muted">None: no two open changes of one service overlap, and none falls in a freeze of its service.</p>
        )}
      </section>
    </section>
  );
}
