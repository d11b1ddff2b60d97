import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { listRecentDeployments } from "@/db/queries/lists";
import { requirePageUser } from "@/lib/auth/session";
import { DeploymentTable } from "@/components/deployments/deployment-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Deployments" };

export default async function DeploymentsPage() {
  await requirePageUser();
  const rows = listRecentDeployments(getDb(), 100);
  return (
    <>
      <PageHeader title="Deployments" description="The latest 100 deployments in every environment." />
      {rows.length === 0 ? (
        <EmptyState title="No deployments recorded">
          Have your CI/CD pipeline call <code>POST /api/v1/deployments</code> with an ingest token (create one in Settings) after each deploy.
        </EmptyState>
      ) : (
        <DeploymentTable rows={rows} caption="Latest deployments" />
      )}
    </>
  );
}
