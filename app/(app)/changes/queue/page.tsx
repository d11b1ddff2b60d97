import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getDatabase } from "@/db/client";
import { changesAwaiting } from "@/db/queries/changes";
import { listChangesByIds } from "@/db/queries/lists";
import { requirePageUser } from "@/app/_http/session";
import { ChangeTable } from "@/components/changes/change-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("ChangeQueue"))("metaTitle") };
}

export default async function ApprovalQueuePage() {
  const user = await requirePageUser("approve");
  const db = getDatabase();
  const rows = await listChangesByIds(db.read, await changesAwaiting(db.read, user.id));
  const t = await getTranslations("ChangeQueue");
  return (
    <>
      <PageHeader title={t("heading")} description={t("description")} />
      {rows.length === 0 ? <EmptyState title={t("emptyTitle")}>{t("emptyBody")}</EmptyState> : <ChangeTable rows={rows} caption={t("tableCaption")} />}
    </>
  );
}
