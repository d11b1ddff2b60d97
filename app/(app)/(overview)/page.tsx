import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getDatabase } from "@/db/client";
import type { Database } from "@/db/database";
import { listFilterOptions } from "@/db/queries/services";
import { requirePageUser } from "@/app/_http/session";
import { computeMetrics, computeMetricsReport } from "@/lib/dora/metrics";
import { parseDashboardParams } from "@/lib/dora/view";
import { DataHealthNotice } from "@/components/metrics/data-health-notice";
import { FilterBar } from "@/components/metrics/filter-bar";
import { OverviewTiles } from "@/components/metrics/overview-tiles";
import { ServiceFiguresTable } from "@/components/metrics/service-figures-table";
import { TrendCharts } from "@/components/metrics/trend-charts";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export default async function OverviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageUser();
  const db = getDatabase();
  const options = await listFilterOptions(db.read);
  const view = parseDashboardParams(await searchParams);
  const t = await getTranslations("Overview");
  const header = (
    <PageHeader
      title={t("title")}
      description={t("description")}
      actions={
        <Link href="/how-computed" className="text-sm text-accent underline">
          {(await getTranslations("Metrics"))("howComputed")}
        </Link>
      }
    />
  );
  if (options.services.length === 0) {
    return (
      <>
        {header}
        <EmptyState title={t("noServices")}>
          {t.rich("noServicesBody", {
            settings: (chunks) => (
              <Link className="text-accent underline" href="/settings">
                {chunks}
              </Link>
            ),
            code: (chunks) => <code translate="no">{chunks}</code>,
          })}
        </EmptyState>
      </>
    );
  }
  return (
    <>
      {header}
      <DataHealthNotice role={(await requirePageUser()).role} filter={view.ok ? { team: view.query.team, service: view.query.service } : {}} />
      <FilterBar action="/" params={view.params} options={options} />
      {view.ok ? (
        <Dashboard db={db} view={view} />
      ) : (
        <p role="alert" className="rounded-md border border-danger bg-danger-soft p-3 text-sm">
          {view.problem.code === "field" ? t("invalid.field", view.problem) : t(`invalid.${view.problem.code}`, view.problem.code === "rangeTooLong" ? view.problem : {})}
        </p>
      )}
    </>
  );
}

async function Dashboard({ db, view }: { db: Database; view: Extract<ReturnType<typeof parseDashboardParams>, { ok: true }> }) {
  const { metrics, services } = await computeMetricsReport(db, view.query);
  const previous = await computeMetrics(db, view.previous);
  const t = await getTranslations("Overview");
  return (
    <div className="space-y-8">
      <OverviewTiles metrics={metrics} previous={previous} query={view.query} />
      <section aria-labelledby="trends-heading">
        <h2 id="trends-heading" className="mb-3 text-lg font-semibold">
          {t("weeklyTrends")}
        </h2>
        <TrendCharts metrics={metrics} query={view.query} />
      </section>
      <section aria-labelledby="services-heading">
        <h2 id="services-heading" className="mb-3 text-lg font-semibold">
          {t("byService")}
        </h2>
        <ServiceFiguresTable rows={services} />
      </section>
    </div>
  );
}
