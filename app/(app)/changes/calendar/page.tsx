/* eslint-disable no-restricted-syntax, react/jsx-no-literals -- issue 19: this file's UI text is not yet in the message catalogs */
import type { Metadata } from "next";
import Link from "next/link";
import Form from "next/form";
import { getDatabase } from "@/db/client";
import { listFilterOptions } from "@/db/queries/services";
import { requirePageUser } from "@/app/_http/session";
import { userCan } from "@/lib/auth/roles";
import { CALENDAR_VIEWS, calendarPeriod, formatCalendarDate, parseCalendarDate, utcDayStart, type CalendarView } from "@/lib/changes/calendar";
import { calendarEntries } from "@/lib/changes/calendar-data";
import { DAY_MS } from "@/lib/time";
import { ChangeCalendar, type CalendarFilters } from "@/components/changes/change-calendar";
import { PageHeader } from "@/components/ui/page-header";
import { buttonClass } from "@/components/ui/styles";
import { FilterSelect } from "@/components/ui/filter-select";

export const metadata: Metadata = { title: "Change calendar" };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;

/** Days of slack around the period: the reader's midnights lie up to 14 hours either side of UTC's. */
const ZONE_SLACK_MS = DAY_MS;

export default async function ChangeCalendarPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser();
  const raw = await searchParams;
  const db = getDatabase();
  const options = await listFilterOptions(db.read);
  const rawView = one(raw.view);
  const view: CalendarView = (CALENDAR_VIEWS as readonly string[]).includes(rawView ?? "") ? (rawView as CalendarView) : "week";
  const rawDate = one(raw.date);
  const parsed = rawDate === undefined ? undefined : parseCalendarDate(rawDate);
  const now = new Date();
  const anchor = parsed ?? { year: now.getUTCFullYear(), month: now.getUTCMonth(), day: now.getUTCDate() };
  const team = one(raw.team);
  const service = one(raw.service);
  const filters: CalendarFilters = { team: team && options.teams.includes(team) ? team : undefined, service: service && options.services.some((s) => s.slug === service) ? service : undefined };
  const unknown = [
    rawView !== undefined && rawView !== view ? `view “${rawView}” (week or month)` : undefined,
    rawDate !== undefined && !parsed ? `date “${rawDate}” (a date as 2026-12-07)` : undefined,
    team && !filters.team ? `team “${team}”` : undefined,
    service && !filters.service ? `service “${service}”` : undefined,
  ].filter(Boolean);
  const period = calendarPeriod(view, anchor, utcDayStart);
  const entries = await calendarEntries(db, new Date(period.from.getTime() - ZONE_SLACK_MS), new Date(period.to.getTime() + ZONE_SLACK_MS), filters);
  const select = (name: keyof CalendarFilters, label: string, choices: [string, string][], all: string) => (
    <FilterSelect id={`calendar-${name}`} name={name} label={label} choices={choices} all={all} value={filters[name]} />
  );
  return (
    <>
      <PageHeader
        title="Change calendar"
        description="Planned change windows and freezes, with clashes among open changes marked: two changes of one service at once, or a change inside a freeze of its service."
        actions={
          <div className="flex flex-wrap items-center gap-3">
            <Link href="/changes" className={buttonClass.secondary}>
              All change requests
            </Link>
            <Link href="/changes/freezes" className={buttonClass.secondary}>
              Freeze windows
            </Link>
          </div>
        }
      />
      <Form action="/changes/calendar" className="mb-6 flex flex-wrap items-end gap-3" aria-label="Calendar filters">
        <input type="hidden" name="view" value={view} />
        <input type="hidden" name="date" value={formatCalendarDate(anchor)} />
        {select("team", "Team", options.teams.map((t) => [t, t]), "All teams")}
        {select("service", "Service", options.services.map((s) => [s.slug, s.name]), "All services")}
        <button type="submit" className={buttonClass.secondary}>
          Filter
        </button>
      </Form>
      {unknown.length ? (
        <p role="alert" className="mb-4 rounded-md border border-warning bg-warning-soft p-2 text-sm">
          Ignored an unknown {unknown.join(", ")}.
        </p>
      ) : null}
      <ChangeCalendar
        view={view}
        anchor={formatCalendarDate(anchor)}
        filters={filters}
        changes={entries.changes.map((c) => ({ id: c.id, title: c.title, service: c.service, serviceName: c.serviceName, status: c.status, type: c.type, start: c.start.toISOString(), end: c.end.toISOString(), conflicts: c.conflicts }))}
        freezes={entries.freezes.map((f) => ({ id: f.id, name: f.name, serviceName: f.serviceName, reason: f.reason, startsAt: f.startsAt.toISOString(), endsAt: f.endsAt.toISOString() }))}
      />
      <p className="mt-8 text-sm text-muted">
        See this calendar in your own calendar app: {userCan(user.role, "manage") ? <Link href="/settings#calendar-feeds-heading" className="text-accent underline">create a calendar feed in Settings</Link> : "ask an admin for a calendar feed link"}{" "}
        (one per team, or one for all).
      </p>
    </>
  );
}
