/* eslint-disable no-restricted-syntax, react/jsx-no-literals -- issue 19: this file's UI text is not yet in the message catalogs */
import Link from "next/link";
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
  const header = (
    <PageHeader
      title="Overview"
      description="The four keys of delivery, their DORA levels, and how they move."
      actions={
        <Link href="/how-computed" className="text-sm text-accent underline">
          How is this computed?
        </Link>
      }
    />
  );
  if (options.services.length === 0) {
    return (
      <>
        {header}
        <EmptyState title="No services yet">
          Tandem fills up as your pipelines report deployments. Create an ingest token in{" "}
          <Link className="text-accent underline" href="/settings">
            Settings
          </Link>{" "}
          and send <code>POST /api/v1/deployments</code> from CI, or run <code>npm run tandem -- seed --demo</code> on an empty database to explore with demo data.
        </EmptyState>
      </>
    );
  }
  return (
    <>
      {header}
      <DataHealthNotice role={(await requirePageUser()).role} />
      <FilterBar action="/" params={view.params} options={options} />
      {view.ok ? (
        <Dashboard db={db} view={view} />
      ) : (
        <p role="alert" className="rounded-md border border-danger bg-danger-soft p-3 text-sm">
          {view.error}
        </p>
      )}
    </>
  );
}

async function Dashboard({ db, view }: { db: Database; view: Extract<ReturnType<typeof parseDashboardParams>, { ok: true }> }) {
  const { metrics, services } = await computeMetricsReport(db, view.query);
  const previous = await computeMetrics(db, view.previous);
  return (
    <div className="space-y-8">
      <OverviewTiles metrics={metrics} previous={previous} query={view.query} />
      <section aria-labelledby="trends-heading">
        <h2 id="trends-heading" className="mb-3 text-lg font-semibold">
          Weekly trends
        </h2>
        <TrendCharts metrics={metrics} query={view.query} />
      </section>
      <section aria-labelledby="services-heading">
        <h2 id="services-heading" className="mb-3 text-lg font-semibold">
          By service
        </h2>
        <ServiceFiguresTable rows={services} />
      </section>
    </div>
  );
}
