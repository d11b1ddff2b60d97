import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getDatabase } from "@/db/client";
import { listRecentDeployments } from "@/db/queries/lists";
import { listFilterOptions } from "@/db/queries/services";
import Link from "next/link";
import { requirePageUser } from "@/app/_http/session";
import { userCan } from "@/lib/auth/roles";
import { buttonClass } from "@/components/ui/styles";
import { deploymentCalendar } from "@/lib/dora/frequency";
import { chartWeeks } from "@/lib/dora/weeks";
import { parseDashboardParams } from "@/lib/dora/view";
import { richTags } from "@/components/i18n/rich";
import { StackedWeeklyChart } from "@/components/charts/stacked-weekly-chart";
import { DeployHeatmap } from "@/components/deployments/deploy-heatmap";
import { DeploymentTable } from "@/components/deployments/deployment-table";
import { FilterBar } from "@/components/metrics/filter-bar";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Deployments"))("title") };
}

export default async function DeploymentsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser();
  const t = await getTranslations("Deployments");
  const db = getDatabase();
  const view = parseDashboardParams(await searchParams);
  const rows = await listRecentDeployments(db.read, 100, { service: view.params.service });
  const calendar = view.ok ? await deploymentCalendar(db.read, view.query) : null;
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          userCan(user.role, "record") ? (
            <Link href="/deployments/new" className={buttonClass.primary}>
              {t("record")}
            </Link>
          ) : undefined
        }
      />
      {rows.length === 0 && !view.params.service ? (
        <EmptyState title={t("emptyTitle")}>{t.rich("emptyBody", { ...richTags, endpoint: "POST /api/v1/deployments" })}</EmptyState>
      ) : (
        <div className="space-y-8">
          <FilterBar action="/deployments" params={view.params} options={await listFilterOptions(db.read)} />
          {calendar && view.ok ? (
            <div className="grid gap-4 xl:grid-cols-2">
              <DeployHeatmap heatmap={calendar.heatmap} />
              <StackedWeeklyChart
                title={t("weeklyChart")}
                services={calendar.stacked.services}
                points={chartWeeks(calendar.stacked.weeks, view.query).map((w) => ({ weekStart: w.weekStart, failed: w.failed, days: w.days, counts: w.counts }))}
              />
            </div>
          ) : (
            <p role="alert" className="rounded-md border border-danger bg-danger-soft p-3 text-sm">
              {view.ok ? null : view.error}
            </p>
          )}
          <section aria-labelledby="latest-heading">
            <h2 id="latest-heading" className="mb-3 text-lg font-semibold">
              {view.params.service ? t.rich("latestOf", { ...richTags, service: view.params.service }) : t("latest")}
            </h2>
            <DeploymentTable rows={rows} caption={t("latestCaption")} />
          </section>
        </div>
      )}
    </>
  );
}
