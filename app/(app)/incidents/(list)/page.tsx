import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getDatabase } from "@/db/client";
import { listFilterOptions } from "@/db/queries/services";
import { IncidentFilters } from "@/components/incidents/incident-filters";
import { listIncidents } from "@/db/queries/lists";
import Link from "next/link";
import { requirePageUser } from "@/app/_http/session";
import { userCan } from "@/lib/auth/roles";
import { buttonClass } from "@/components/ui/styles";
import { IncidentTable } from "@/components/incidents/incident-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Incidents"))("title") };
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;
const SEVERITIES = new Set(["SEV1", "SEV2", "SEV3", "SEV4"]);

export default async function IncidentsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser();
  const t = await getTranslations("Incidents");
  const raw = await searchParams;
  const params = { open: one(raw.open), severity: one(raw.severity), service: one(raw.service), team: one(raw.team) };
  const db = getDatabase();
  const rows = await listIncidents(db.read, 100, {
    openOnly: params.open === "1",
    severity: params.severity && SEVERITIES.has(params.severity) ? params.severity : undefined,
    service: params.service,
    team: params.team,
  });
  const filtered = Object.values(params).some(Boolean);
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          userCan(user.role, "record") ? (
            <Link href="/incidents/new" className={buttonClass.primary}>
              {t("declare")}
            </Link>
          ) : undefined
        }
      />
      <IncidentFilters params={params} options={await listFilterOptions(db.read)} />
      {rows.length === 0 && filtered ? (
        <p className="text-sm">{t("noMatch")}</p>
      ) : rows.length === 0 ? (
        <EmptyState title={t("emptyTitle")}>{t.rich("emptyBody", { code: (chunks) => <code translate="no">{chunks}</code> })}</EmptyState>
      ) : (
        <IncidentTable rows={rows} caption={t("title")} />
      )}
    </>
  );
}
