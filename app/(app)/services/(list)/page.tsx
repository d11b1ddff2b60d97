import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getDatabase } from "@/db/client";
import { listServicesWithStats } from "@/db/queries/services";
import { requirePageUser } from "@/app/_http/session";
import { computeMetricsReport } from "@/lib/dora/metrics";
import { defaultDashboardQuery } from "@/lib/dora/view";
import { richTags } from "@/components/i18n/rich";
import { ServiceTable } from "@/components/services/service-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Services"))("title") };
}

export default async function ServicesPage() {
  await requirePageUser();
  const t = await getTranslations("Services");
  const db = getDatabase();
  // The overview's default view, so both pages share one cached report.
  const query = defaultDashboardQuery();
  const rows = await listServicesWithStats(db.read, query.from);
  const { services } = await computeMetricsReport(db, query);
  const figures = new Map(services.map((s) => [s.slug, s]));
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      {rows.length === 0 ? (
        <EmptyState title={t("emptyTitle")}>{t.rich("emptyBody", { ...richTags, endpoint: "PUT /api/v1/services/{slug}" })}</EmptyState>
      ) : (
        <ServiceTable rows={rows} figures={figures} />
      )}
    </>
  );
}
