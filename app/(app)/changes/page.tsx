import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { listChanges } from "@/db/queries/lists";
import { requirePageUser } from "@/lib/auth/session";
import { ChangeTable } from "@/components/changes/change-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Changes" };

export default async function ChangesPage() {
  await requirePageUser();
  const rows = listChanges(getDb(), 100);
  return (
    <>
      <PageHeader title="Change requests" description="The latest 100 change requests and where each stands." />
      {rows.length === 0 ? (
        <EmptyState title="No change requests">
          Change requests are filed through <code>POST /api/v1/changes</code>; approvers then decide them here.
        </EmptyState>
      ) : (
        <ChangeTable rows={rows} caption="Change requests" />
      )}
    </>
  );
}
