import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
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
import { richTags } from "@/components/i18n/rich";
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
  const t = await getTranslations("Services.page");
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
        title={<span translate="no">{service.name}</span>}
        description={
          <>
            {service.team ? t.rich("team", { ...richTags, team: service.team }) : t("noTeam")}
            {service.description ? (
              <>
                {" · "}
                <span translate="no">{service.description}</span>
              </>
            ) : null}
          </>
        }
        actions={
          service.repository ? (
            <a href={service.repository} className="text-sm text-accent underline" rel="noreferrer">
              {t("repository")}
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
          t("openIncidents"),
          openIncidents.length ? <IncidentTable rows={openIncidents} caption={t("openIncidents")} /> : <p className="text-sm text-muted">{t("noneOpen")}</p>,
        )}
        {section(
          "open-changes",
          t("openChanges"),
          openChanges.length ? <ChangeTable rows={openChanges} caption={t("openChanges")} /> : <p className="text-sm text-muted">{t("noneWaiting")}</p>,
        )}
        {staleChanges.length
          ? section(
              "stale-changes",
              t("staleChanges"),
              <>
                <p className="mb-3 text-sm text-muted">{t("staleHint")}</p>
                <ChangeTable rows={staleChanges} caption={t("staleChanges")} />
              </>,
            )
          : null}
        {section("recent", t("latestDeployments"), <DeploymentTable rows={await listRecentDeployments(db.read, 20, { service: slug })} caption={t("latestDeployments")} />)}
        {userCan(user.role, "manage") ? section("edit", t("edit"), <EditServiceForm service={service} />) : null}
        <p className="text-sm">
          <Link href="/services" className="text-accent underline">
            {t("all")}
          </Link>
        </p>
      </div>
    </>
  );
}

async function ServiceFigures({ db, view }: { db: Database; view: Extract<ReturnType<typeof parseDashboardParams>, { ok: true }> }) {
  const metrics = await computeMetrics(db, view.query);
  const t = await getTranslations("Services.page");
  return (
    <>
      <OverviewTiles metrics={metrics} previous={await computeMetrics(db, view.previous)} query={view.query} />
      <section aria-labelledby="trends">
        <h2 id="trends" className="mb-3 text-lg font-semibold">
          {t("trends")}
        </h2>
        <TrendCharts metrics={metrics} query={view.query} />
      </section>
    </>
  );
}
