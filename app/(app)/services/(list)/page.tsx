/* eslint-disable no-restricted-syntax, react/jsx-no-literals -- issue 19: this file's UI text is not yet in the message catalogs */
import type { Metadata } from "next";
import { getDatabase } from "@/db/client";
import { listServicesWithStats } from "@/db/queries/services";
import { requirePageUser } from "@/app/_http/session";
import { computeMetricsReport } from "@/lib/dora/metrics";
import { metricsQuerySchema } from "@/lib/dora/query";
import { daysAgo } from "@/lib/time";
import { ServiceTable } from "@/components/services/service-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Services" };

export default async function ServicesPage() {
  await requirePageUser();
  const db = getDatabase();
  const rows = await listServicesWithStats(db.read, daysAgo(30));
  const { services } = await computeMetricsReport(db, metricsQuerySchema.parse({}));
  const figures = new Map(services.map((s) => [s.slug, s]));
  return (
    <>
      <PageHeader title="Services" description="Every service Tandem knows, grouped by team, with its four keys over the last 30 days (production)." />
      {rows.length === 0 ? (
        <EmptyState title="No services yet">
          A service is created the first time a deployment names it, or with <code>PUT /api/v1/services/&#123;slug&#125;</code>.
        </EmptyState>
      ) : (
        <ServiceTable rows={rows} figures={figures} />
      )}
    </>
  );
}
