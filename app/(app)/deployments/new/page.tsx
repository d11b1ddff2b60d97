/* eslint-disable no-restricted-syntax -- issue 19: this file's UI text is not yet in the message catalogs */
import type { Metadata } from "next";
import { getDatabase } from "@/db/client";
import { listFilterOptions } from "@/db/queries/services";
import { requirePageUser } from "@/app/_http/session";
import { RecordDeploymentForm } from "@/components/deployments/record-deployment-form";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Record a deployment" };

export default async function RecordDeploymentPage() {
  const user = await requirePageUser("record");
  return (
    <>
      <PageHeader title="Record a deployment" description="For a deploy no pipeline reported. Pipelines should use POST /api/v1/deployments instead." />
      <RecordDeploymentForm services={(await listFilterOptions(getDatabase().read)).services} me={user.name} />
    </>
  );
}
