import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getDatabase } from "@/db/client";
import { listFilterOptions } from "@/db/queries/services";
import { listTemplates } from "@/db/queries/changes";
import { requirePageUser } from "@/app/_http/session";
import { FileChangeForm } from "@/components/changes/file-change-form";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("FileChange"))("title") };
}

export default async function FileChangePage() {
  await requirePageUser("record");
  const db = getDatabase();
  const t = await getTranslations("FileChange");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <FileChangeForm services={(await listFilterOptions(db.read)).services} templates={(await listTemplates(db.read)).map((template) => ({ id: template.id, title: template.title, serviceName: template.serviceName, team: template.team, maxRisk: template.maxRisk }))} />
    </>
  );
}
