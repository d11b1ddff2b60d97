/* eslint-disable react/jsx-no-literals -- issue 19: this file's UI text is not yet in the message catalogs */
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getDatabase } from "@/db/client";
import type { Database } from "@/db/database";
import { listChanges, listIncidents, listRecentDeployments } from "@/db/queries/lists";
import { findServiceBySlug, listFilterOptions } from "@/db/queries/services";
import { requirePageUser } from "@/app/_http/session";
import { onCallForTeamSlug } from "@/lib/oncall/oncall";
import { OnCallLine } from "@/components/oncall/on-call-line";
import { userCan } from "@/lib/auth/roles";
import { computeMetrics } from "@/lib/dora/metrics";
import { parseDashboardParams } from "@/lib/dora/view";
import { ChangeTable } from "@/components/changes/change-table";
import { DeploymentTable } from "@/components/deployments/deployment-table";
import { IncidentTable } from "@/components/incidents/incident-table";
import { FilterBar } from "@/components/metrics/filter-bar";
import { OverviewTiles } from "@/components/metrics/overview-tiles";
import { TrendCharts } from "@/components/metrics/trend-charts";
import { EditServiceForm } from "@/components/services/edit-service-form";
import { PageHeader } from "@/components/ui/page-header";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await params).slug };
}

/** One service's own dashboard: its figures and trends, what is open, what shipped. */
export default async function ServicePage({ params, searchParams }: Props) {
  const user = await requirePageUser();
  const { slug } = await params;
  const db = getDatabase();
  const service = await findServiceBySlug(db.read, slug);
  if (!service) notFound();
  const view = parseDashboardParams({ ...(await searchParams), service: slug, team: undefined });
  const section = (id: string, title: string, body: React.ReactNode) => (
    <section aria-labelledby={id}>
      <h2 id={id} className="mb-3 text-lg font-semibold">
        {title}
      </h2>
      {body}
    </section>
  );
  const openIncidents = await listIncidents(db.read, 50, { service: slug, openOnly: true });
  const now = new Date();
  const openChanges = await listChanges(db.read, 50, { service: slug, actionableAt: now });
  const staleChanges = await listChanges(db.read, 50, { service: slug, staleAt: now });
  const oncall = await onCallForTeamSlug(db.read, service.team, now);
  return (
    <>
      <PageHeader
        title={service.name}
        description={[service.team ? `Team ${service.team}` : "No team", service.description].filter(Boolean).join(" · ")}
        actions={
          service.repository ? (
            <a href={service.repository} className="text-sm text-accent underline" rel="noreferrer">
              Repository
            </a>
          ) : undefined
        }
      />
      {oncall ? (
        <div className="mb-4">
          <OnCallLine team={oncall.team} oncall={oncall} />
        </div>
      ) : null}
      <FilterBar action={`/services/${slug}`} params={view.params} options={await listFilterOptions(db.read)} fixedService />
      <div className="space-y-8">
        {view.ok ? (
          <ServiceFigures db={db} view={view} />
        ) : (
          <p role="alert" className="rounded-md border border-danger bg-danger-soft p-3 text-sm">
            {view.error}
          </p>
        )}
        {section(
          "open-incidents",
          "Open incidents",
          openIncidents.length ? <IncidentTable rows={openIncidents} caption="Open incidents" /> : <p className="text-sm text-muted">None open.</p>,
        )}
        {section(
          "open-changes",
          "Open change requests",
          openChanges.length ? <ChangeTable rows={openChanges} caption="Open change requests" /> : <p className="text-sm text-muted">None waiting.</p>,
        )}
        {staleChanges.length
          ? section(
              "stale-changes",
              "Stale change requests",
              <>
                <p className="mb-3 text-sm text-muted">Drafts and approved changes whose planned window ended without a deployment implementing them: cancel them, or file them again with a new window.</p>
                <ChangeTable rows={staleChanges} caption="Stale change requests" />
              </>,
            )
          : null}
        {section("recent", "Latest deployments", <DeploymentTable rows={await listRecentDeployments(db.read, 20, { service: slug })} caption="Latest deployments" />)}
        {userCan(user.role, "manage") ? section("edit", "Edit service", <EditServiceForm service={service} />) : null}
        <p className="text-sm">
          <Link href="/services" className="text-accent underline">
            All services
          </Link>
        </p>
      </div>
    </>
  );
}

async function ServiceFigures({ db, view }: { db: Database; view: Extract<ReturnType<typeof parseDashboardParams>, { ok: true }> }) {
  const metrics = await computeMetrics(db, view.query);
  return (
    <>
      <OverviewTiles metrics={metrics} previous={await computeMetrics(db, view.previous)} query={view.query} />
      <section aria-labelledby="trends">
        <h2 id="trends" className="mb-3 text-lg font-semibold">
          Weekly trends
        </h2>
        <TrendCharts metrics={metrics} query={view.query} />
      </section>
    </>
  );
}
