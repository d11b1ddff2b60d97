import type { Metadata } from "next";
import { getDatabase } from "@/db/client";
import { listFilterOptions } from "@/db/queries/services";
import { requirePageUser } from "@/app/_http/session";
import { FileChangeForm } from "@/components/changes/file-change-form";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "File a change request" };

export default async function FileChangePage() {
  await requirePageUser("record");
  return (
    <>
      <PageHeader title="File a change request" description="Normal changes need one approval (two for high risk); standard ones are approved on submission." />
      <FileChangeForm services={(await listFilterOptions(getDatabase().read)).services} />
    </>
  );
}
