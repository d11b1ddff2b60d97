/* eslint-disable no-restricted-syntax, react/jsx-no-literals -- issue 19: this file's UI text is not yet in the message catalogs */
import type { Metadata } from "next";
import Link from "next/link";
import { getDatabase } from "@/db/client";
import { changesAwaiting } from "@/db/queries/changes";
import { countChanges, listChangeRequesters, listChanges } from "@/db/queries/lists";
import { listFilterOptions } from "@/db/queries/services";
import { requirePageUser } from "@/app/_http/session";
import { userCan } from "@/lib/auth/roles";
import { CHANGE_PAGE_SIZE, changeListHref, parseChangeListQuery } from "@/lib/changes/list-query";
import { ChangeFilters } from "@/components/changes/change-filters";
import { ChangeTable } from "@/components/changes/change-table";
import { DrilldownPager } from "@/components/metrics/drilldown-pager";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { buttonClass } from "@/components/ui/styles";

export const metadata: Metadata = { title: "Changes" };

export default async function ChangesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser();
  const db = getDatabase();
  const canApprove = userCan(user.role, "approve");
  const options = await listFilterOptions(db.read);
  const requesters = await listChangeRequesters(db.read);
  const { params, page: asked, ignored } = parseChangeListQuery(await searchParams, {
    services: options.services.map((s) => s.slug),
    teams: options.teams,
    requesters: requesters.map((r) => r.id),
    canApprove,
  });
  const filter = {
    status: params.status,
    type: params.type,
    service: params.service,
    team: params.team,
    requesterId: params.requester,
    ids: params.waiting ? await changesAwaiting(db.read, user.id) : undefined,
  };
  const total = await countChanges(db.read, filter);
  const pages = Math.max(1, Math.ceil(total / CHANGE_PAGE_SIZE));
  const page = Math.min(asked, pages);
  const rows = await listChanges(db.read, CHANGE_PAGE_SIZE, filter, (page - 1) * CHANGE_PAGE_SIZE);
  const filtered = Object.keys(params).length > 0;
  return (
    <>
      <PageHeader
        title="Change requests"
        description="Every change request, newest first, and where each stands."
        actions={
          <div className="flex flex-wrap items-center gap-3">
            {canApprove ? (
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
      <ChangeFilters params={params} options={{ ...options, requesters, canApprove }} />
      {ignored.length ? (
        <p role="alert" className="mb-4 rounded-md border border-warning bg-warning-soft p-2 text-sm">
          Ignored an unknown {ignored.join(", ")}.
        </p>
      ) : null}
      {rows.length === 0 && filtered ? (
        <p className="text-sm">No change request matches these filters.</p>
      ) : rows.length === 0 ? (
        <EmptyState title="No change requests">
          File one with the button above, or through <code>POST /api/v1/changes</code>; approvers then decide them here.
        </EmptyState>
      ) : (
        <>
          <p className="mb-2 text-sm text-muted" aria-live="polite">
            {total === 1 ? "1 change request" : `${total} change requests`}
            {pages > 1 ? `, page ${page} of ${pages}` : ""}
          </p>
          <ChangeTable rows={rows} caption="Change requests" />
          <DrilldownPager
            label="Change request pages"
            newerHref={page > 1 ? changeListHref(params, page - 1) : null}
            olderHref={page < pages ? changeListHref(params, page + 1) : null}
          />
        </>
      )}
    </>
  );
}
