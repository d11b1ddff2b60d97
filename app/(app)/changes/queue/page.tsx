/* eslint-disable no-restricted-syntax, react/jsx-no-literals -- issue 19: this file's UI text is not yet in the message catalogs */
import type { Metadata } from "next";
import { getDatabase } from "@/db/client";
import { changesAwaiting } from "@/db/queries/changes";
import { listChangesByIds } from "@/db/queries/lists";
import { requirePageUser } from "@/app/_http/session";
import { ChangeTable } from "@/components/changes/change-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Waiting for you" };

export default async function ApprovalQueuePage() {
  const user = await requirePageUser("approve");
  const db = getDatabase();
  const rows = await listChangesByIds(db.read, await changesAwaiting(db.read, user.id));
  return (
    <>
      <PageHeader title="Waiting for you" description="Change requests you can approve or reject: pending, not yours, not yet decided by you." />
      {rows.length === 0 ? <EmptyState title="Nothing waiting">Every change request has its decision from you. New ones appear here and in the navigation count.</EmptyState> : <ChangeTable rows={rows} caption="Change requests waiting for you" />}
    </>
  );
}
