import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { listIncidents } from "@/db/queries/lists";
import Link from "next/link";
import { requirePageUser } from "@/lib/auth/session";
import { userCan } from "@/lib/auth/roles";
import { buttonClass } from "@/components/ui/styles";
import { IncidentTable } from "@/components/incidents/incident-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Incidents" };

export default async function IncidentsPage() {
  const user = await requirePageUser();
  const rows = listIncidents(getDb(), 100);
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
      {rows.length === 0 ? (
        <EmptyState title="No incidents — so far">
          Incidents arrive from PagerDuty, Opsgenie or Alertmanager webhooks, or through <code>POST /api/v1/incidents</code>.
        </EmptyState>
      ) : (
        <IncidentTable rows={rows} caption="Incidents" />
      )}
    </>
  );
}
