import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { getDatabase } from "@/db/client";
import { listFilterOptions } from "@/db/queries/services";
import { requirePageUser } from "@/app/_http/session";
import { userCan } from "@/lib/auth/roles";
import { loadDataHealth, weakeningTotal } from "@/lib/data-health/report";
import { DATA_HEALTH_PERMISSION, DATA_HEALTH_WINDOW_DAYS, FAILED_DELIVERY_HOURS, LEAD_TIME_SANITY_DAYS, type DataHealthFilter } from "@/lib/data-health/rules";
import { drilldownHref } from "@/lib/dora/links";
import { formatDateTime, formatDuration } from "@/lib/format";
import { DEFAULT_LOCALE, isLocale } from "@/lib/i18n/locales";
import { INCIDENT_ENVIRONMENT } from "@/db/schema/incidents";
import { DAY_MS } from "@/lib/time";
import { DataHealthFilterForm } from "@/components/data-health/data-health-filter";
import { DataHealthSection } from "@/components/data-health/data-health-section";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("DataHealth"))("title") };
}

const linkClass = "font-medium text-accent underline";

/** The lead-time drill-down of one service over a span, where a wrong lead time shows beside its commit. */
const leadTimesHref = (from: number, to: number, scope: DataHealthFilter) =>
  drilldownHref("lead-time", { from: new Date(from), to: new Date(to), service: scope.service, team: scope.team, environment: INCIDENT_ENVIRONMENT });

const data = (chunks: React.ReactNode) => <span translate="no">{chunks}</span>;
const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) || undefined;

export default async function DataHealthPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser(DATA_HEALTH_PERMISSION);
  const t = await getTranslations("DataHealth");
  const asked = await getLocale();
  const locale = isLocale(asked) ? asked : DEFAULT_LOCALE;
  const db = getDatabase();
  const options = await listFilterOptions(db.read);
  const params = await searchParams;
  // A name nobody uses is said so, not answered with an empty page that would read as "all clear".
  const team = one(params.team);
  const service = one(params.service);
  const unknownTeam = team !== undefined && !options.teams.includes(team) ? team : undefined;
  const unknownService = service !== undefined && !options.services.some((s) => s.slug === service) ? service : undefined;
  const filter: DataHealthFilter = {
    ...(team === undefined || unknownTeam ? {} : { team }),
    ...(service === undefined || unknownService ? {} : { service }),
  };
  const report = await loadDataHealth(db, filter);
  const outsideTeam = filter.team !== undefined && filter.service !== undefined && options.services.find((s) => s.slug === filter.service)?.team !== filter.team;
  const { counts, window } = report;
  const canManage = userCan(user.role, "manage");
  const days = DATA_HEALTH_WINDOW_DAYS;
  const hours = FAILED_DELIVERY_HOURS;
  // In the page's language from the first paint (LocalTime shows English until it hydrates), in UTC and naming it.
  const stamp = (ms: number) => <time dateTime={new Date(ms).toISOString()}>{formatDateTime(new Date(ms), { locale, timeZone: "UTC" }, { zone: true })}</time>;
  const dayOf = (ms: number) => Math.floor(ms / DAY_MS) * DAY_MS;
  return (
    <>
      <PageHeader title={t("title")} description={t("description", { days })} />
      <DataHealthFilterForm filter={filter} options={options} />
      {unknownTeam !== undefined || unknownService !== undefined ? (
        <p role="alert" className="mb-6 rounded-md border border-danger bg-danger-soft p-3 text-sm">
          {unknownService !== undefined ? t("filters.unknownService", { service: unknownService }) : t("filters.unknownTeam", { team: unknownTeam! })}
        </p>
      ) : null}
      {outsideTeam ? (
        <p role="alert" className="mb-6 rounded-md border border-danger bg-danger-soft p-3 text-sm">
          {t("filters.outsideTeam", { service: filter.service!, team: filter.team! })}
        </p>
      ) : null}
      {filter.service !== undefined || filter.team !== undefined ? (
        <p className="mb-6 text-sm text-muted" data-testid="data-health-scope">
          {filter.service !== undefined ? t.rich("filters.scopedService", { service: filter.service, data }) : t.rich("filters.scopedTeam", { team: filter.team!, data })}
        </p>
      ) : null}
      {weakeningTotal(counts) === 0 ? (
        <div className="mb-6">
          <EmptyState title={t("allClear")}>{t("allClearBody", { days: LEAD_TIME_SANITY_DAYS, hours })}</EmptyState>
        </div>
      ) : null}
      <div className="space-y-4">
        <DataHealthSection id="incidents" heading={t("incidents.heading")} explains={t("incidents.explains")} count={counts.incidents} shown={report.incidents.length}>
          {report.incidents.map((i) => (
            <li key={i.id} className="flex flex-wrap items-baseline gap-x-2">
              <span className="font-mono">#{i.id}</span>
              <span translate="no" className="min-w-0 break-words font-medium">
                {i.title}
              </span>
              <span translate="no" className="text-muted">
                {i.service}
              </span>
              <span className="text-muted">{t.rich("incidents.started", { time: () => stamp(i.startedAt) })}</span>
              <Link href={`/incidents/${i.id}#cause`} className={linkClass}>
                {t("incidents.fix")}
              </Link>
            </li>
          ))}
        </DataHealthSection>
        <DataHealthSection id="deployments" heading={t("deployments.heading")} explains={t("deployments.explains")} count={counts.deployments} shown={report.deployments.length}>
          {report.deployments.map((d) => (
            <li key={d.id} className="flex flex-wrap items-baseline gap-x-2">
              <span className="font-mono">#{d.id}</span>
              <span translate="no" className="font-medium">
                {d.service}
              </span>
              {d.version ? (
                <span translate="no" className="break-all font-mono text-xs">
                  {d.version}
                </span>
              ) : null}
              <span className="text-muted">{t.rich("deployments.finished", { time: () => stamp(d.finishedAt) })}</span>
              <Link href={`/deployments/${d.id}`} className={linkClass}>
                {t("deployments.fix")}
              </Link>
            </li>
          ))}
        </DataHealthSection>
        <DataHealthSection id="services" heading={t("services.heading")} explains={t("services.explains")} count={counts.services} shown={report.services.length}>
          {report.services.map((s) => (
            <li key={s.slug} className="flex flex-wrap items-baseline gap-x-2">
              <span translate="no" className="font-medium">
                {s.name}
              </span>
              <span translate="no" className="font-mono text-xs text-muted">
                {s.slug}
              </span>
              <Link href={canManage ? `/services/${s.slug}#edit` : `/services/${s.slug}`} className={linkClass}>
                {canManage ? t("services.fix") : t("services.open")}
              </Link>
            </li>
          ))}
        </DataHealthSection>
        <DataHealthSection
          id="lead-times"
          heading={t("leadTimes.heading", { days: LEAD_TIME_SANITY_DAYS })}
          explains={t("leadTimes.explains", { days: LEAD_TIME_SANITY_DAYS })}
          count={counts.leadTimes}
          shown={report.leadTimes.length}
          footer={
            counts.leadTimes > 0 ? (
              <Link href={leadTimesHref(window.from, window.to, filter)} className={linkClass}>
                {t("leadTimes.all", { days })}
              </Link>
            ) : null
          }
        >
          {report.leadTimes.map((l) => (
            <li key={`${l.sha}-${l.deploymentId}`} className="flex flex-wrap items-baseline gap-x-2">
              <span translate="no" className="font-mono text-xs">
                {l.sha.slice(0, 12)}
              </span>
              <span translate="no" className="font-medium">
                {l.service}
              </span>
              <span>{t("leadTimes.value", { duration: formatDuration(l.seconds, locale) })}</span>
              <Link href={leadTimesHref(dayOf(l.deliveredAt), dayOf(l.deliveredAt) + DAY_MS, { service: l.service })} className={linkClass}>
                {t("leadTimes.fix")}
              </Link>
            </li>
          ))}
        </DataHealthSection>
        <DataHealthSection
          id="webhooks"
          heading={t("webhooks.heading", { hours })}
          explains={t("webhooks.explains")}
          count={counts.webhooks}
          shown={report.webhooks.reduce((sum, w) => sum + w.failed, 0)}
        >
          {report.webhooks.map((w) => (
            <li key={w.integrationId} className="flex flex-wrap items-baseline gap-x-2">
              <span translate="no" className="font-medium">
                {w.name}
              </span>
              <span className="text-muted">{t.rich("webhooks.failed", { count: w.failed, time: () => stamp(w.lastAt) })}</span>
              {canManage ? (
                <Link href={`/settings/integrations/${w.integrationId}#deliveries`} className={linkClass}>
                  {t("webhooks.fix")}
                </Link>
              ) : (
                <span className="text-muted">{t("webhooks.adminOnly")}</span>
              )}
            </li>
          ))}
        </DataHealthSection>
      </div>
    </>
  );
}
