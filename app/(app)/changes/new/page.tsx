/* eslint-disable no-restricted-syntax -- issue 19: this file's UI text is not yet in the message catalogs */
import type { Metadata } from "next";
import { getDatabase } from "@/db/client";
import { listFilterOptions } from "@/db/queries/services";
import { listTemplates } from "@/db/queries/changes";
import { requirePageUser } from "@/app/_http/session";
import { FileChangeForm } from "@/components/changes/file-change-form";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "File a change request" };

export default async function FileChangePage() {
  await requirePageUser("record");
  const db = getDatabase();
  return (
    <>
      <PageHeader title="File a change request" description="Normal changes need one approval (two for high risk); standard ones, filed from a template of the catalog, are approved on submission." />
      <FileChangeForm services={(await listFilterOptions(db.read)).services} templates={(await listTemplates(db.read)).map((t) => ({ id: t.id, title: t.title, scope: t.serviceName ?? (t.team ? `team ${t.team}` : "any service"), maxRisk: t.maxRisk }))} />
    </>
  );
}
