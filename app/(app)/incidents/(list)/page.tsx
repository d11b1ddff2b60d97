/* eslint-disable no-restricted-syntax, react/jsx-no-literals -- issue 19: this file's UI text is not yet in the message catalogs */
import type { Metadata } from "next";
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

export const metadata: Metadata = { title: "Incidents" };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;
const SEVERITIES = new Set(["SEV1", "SEV2", "SEV3", "SEV4"]);

export default async function IncidentsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser();
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
        title="Incidents"
        description="Open incidents first, most severe first; then the latest resolved."
        actions={
          userCan(user.role, "record") ? (
            <Link href="/incidents/new" className={buttonClass.primary}>
              Declare incident
            </Link>
          ) : undefined
        }
      />
      <IncidentFilters params={params} options={await listFilterOptions(db.read)} />
      {rows.length === 0 && filtered ? (
        <p className="text-sm">No incident matches these filters.</p>
      ) : rows.length === 0 ? (
        <EmptyState title="No incidents — so far">
          Incidents arrive from PagerDuty, Opsgenie or Alertmanager webhooks, or through <code>POST /api/v1/incidents</code>.
        </EmptyState>
      ) : (
        <IncidentTable rows={rows} caption="Incidents" />
      )}
    </>
  );
}
