import type { Metadata } from "next";
import Link from "next/link";
import Form from "next/form";
import { Fragment } from "react";
import { getTranslations } from "next-intl/server";
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

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("ChangeCalendar"))("heading") };
}

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
  const unknown = (
    [
      ["view", rawView !== undefined && rawView !== view ? rawView : undefined],
      ["date", rawDate !== undefined && !parsed ? rawDate : undefined],
      ["team", team && !filters.team ? team : undefined],
      ["service", service && !filters.service ? service : undefined],
    ] as const
  ).filter((entry): entry is readonly ["view" | "date" | "team" | "service", string] => entry[1] !== undefined);
  const period = calendarPeriod(view, anchor, utcDayStart);
  const entries = await calendarEntries(db, new Date(period.from.getTime() - ZONE_SLACK_MS), new Date(period.to.getTime() + ZONE_SLACK_MS), filters);
  const select = (name: keyof CalendarFilters, label: string, choices: [string, string][], all: string) => (
    <FilterSelect id={`calendar-${name}`} name={name} label={label} choices={choices} all={all} value={filters[name]} choicesAreData />
  );
  const t = await getTranslations("ChangeCalendar");
  const list = await getTranslations("ChangeList");
  const terms = await getTranslations("Terms");
  const data = (chunks: React.ReactNode) => <span translate="no">{chunks}</span>;
  return (
    <>
      <PageHeader
        title={t("heading")}
        description={t("description")}
        actions={
          <div className="flex flex-wrap items-center gap-3">
            <Link href="/changes" className={buttonClass.secondary}>
              {t("allChanges")}
            </Link>
            <Link href="/changes/freezes" className={buttonClass.secondary}>
              {list("freezes")}
            </Link>
          </div>
        }
      />
      <Form action="/changes/calendar" className="mb-6 flex flex-wrap items-end gap-3" aria-label={t("filtersLabel")}>
        <input type="hidden" name="view" value={view} />
        <input type="hidden" name="date" value={formatCalendarDate(anchor)} />
        {select("team", terms("nouns.team"), options.teams.map((name) => [name, name]), list("filters.allTeams"))}
        {select("service", terms("nouns.service"), options.services.map((s) => [s.slug, s.name]), list("filters.allServices"))}
        <button type="submit" className={buttonClass.secondary}>
          {terms("actions.filter")}
        </button>
      </Form>
      {unknown.length ? (
        <p role="alert" className="mb-4 rounded-md border border-warning bg-warning-soft p-2 text-sm">
          {list.rich("ignored", {
            items: () =>
              unknown.map(([param, value], i) => (
                <Fragment key={param}>
                  {i ? list("separator") : null}
                  {t.rich(`unknown.${param}`, { value, data })}
                </Fragment>
              )),
          })}
        </p>
      ) : null}
      <ChangeCalendar
        view={view}
        anchor={formatCalendarDate(anchor)}
        filters={filters}
        changes={entries.changes.map((c) => ({ id: c.id, title: c.title, service: c.service, serviceName: c.serviceName, status: c.status, type: c.type, start: c.start.toISOString(), end: c.end.toISOString(), clashes: c.clashes }))}
        freezes={entries.freezes.map((f) => ({ id: f.id, name: f.name, serviceName: f.serviceName, reason: f.reason, startsAt: f.startsAt.toISOString(), endsAt: f.endsAt.toISOString() }))}
      />
      <p className="mt-8 text-sm text-muted">
        {userCan(user.role, "manage")
          ? t.rich("feedLink", {
              link: (chunks) => (
                <Link href="/settings#calendar-feeds-heading" className="text-accent underline">
                  {chunks}
                </Link>
              ),
            })
          : t("feedAsk")}
      </p>
    </>
  );
}
