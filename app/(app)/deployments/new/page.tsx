import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getDatabase } from "@/db/client";
import { listFilterOptions } from "@/db/queries/services";
import { requirePageUser } from "@/app/_http/session";
import { richTags } from "@/components/i18n/rich";
import { RecordDeploymentForm } from "@/components/deployments/record-deployment-form";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Deployments.form"))("title") };
}

export default async function RecordDeploymentPage() {
  const user = await requirePageUser("record");
  const t = await getTranslations("Deployments.form");
  return (
    <>
      <PageHeader title={t("title")} description={t.rich("description", { ...richTags, endpoint: "POST /api/v1/deployments" })} />
      <RecordDeploymentForm services={(await listFilterOptions(getDatabase().read)).services} me={user.name} />
    </>
  );
}
