import type { Metadata } from "next";
import Link from "next/link";
import { getDatabase } from "@/db/client";
import { listChanges } from "@/db/queries/lists";
import { requirePageUser } from "@/app/_http/session";
import { userCan } from "@/lib/auth/roles";
import { ChangeTable } from "@/components/changes/change-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { buttonClass } from "@/components/ui/styles";

export const metadata: Metadata = { title: "Changes" };

export default async function ChangesPage() {
  const user = await requirePageUser();
  const rows = await listChanges(getDatabase().read, 100);
  return (
    <>
      <PageHeader
        title="Change requests"
        description="The latest 100 change requests and where each stands."
        actions={
          <div className="flex flex-wrap items-center gap-3">
            {userCan(user.role, "approve") ? (
              <Link href="/changes/queue" className={buttonClass.secondary}>
                Waiting for you
              </Link>
            ) : null}
            <Link href="/changes/calendar" className={buttonClass.secondary}>
              Calendar
            </Link>
            <Link href="/changes/freezes" className={buttonClass.secondary}>
              Freeze windows
            </Link>
            {userCan(user.role, "record") ? (
              <Link href="/changes/new" className={buttonClass.primary}>
                File a change
              </Link>
            ) : null}
          </div>
        }
      />
      {rows.length === 0 ? (
        <EmptyState title="No change requests">
          File one with the button above, or through <code>POST /api/v1/changes</code>; approvers then decide them here.
        </EmptyState>
      ) : (
        <ChangeTable rows={rows} caption="Change requests" />
      )}
    </>
  );
}
