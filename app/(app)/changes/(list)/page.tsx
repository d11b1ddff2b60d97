import type { Metadata } from "next";
import { richTags } from "@/components/i18n/rich";
import Link from "next/link";
import { Fragment } from "react";
import { getTranslations } from "next-intl/server";
import { getDatabase } from "@/db/client";
import { changesAwaiting } from "@/db/queries/changes";
import { countChanges, listChangeRequesters, listChanges } from "@/db/queries/lists";
import { listFilterOptions } from "@/db/queries/services";
import { requirePageUser } from "@/app/_http/session";
import { userCan } from "@/lib/auth/roles";
import { CHANGE_PAGE_SIZE, changeListHref, parseChangeListQuery, type IgnoredParam } from "@/lib/changes/list-query";
import { ChangeFilters } from "@/components/changes/change-filters";
import { ChangeTable } from "@/components/changes/change-table";
import { DrilldownPager } from "@/components/metrics/drilldown-pager";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { buttonClass } from "@/components/ui/styles";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("ChangeList"))("metaTitle") };
}

/** What the list left out of its URL, in one sentence: "Ignored an unknown status “bogus”, page “0”." */
async function IgnoredNotice({ ignored }: { ignored: IgnoredParam[] }) {
  const t = await getTranslations("ChangeList");
  const item = ({ param, value }: IgnoredParam) =>
    param === "waiting" ? t("ignoredWaiting") : t.rich("ignoredItem", { name: t(`params.${param}`), value, ...richTags });
  return (
    <p role="alert" className="mb-4 rounded-md border border-warning bg-warning-soft p-2 text-sm">
      {t.rich("ignored", {
        items: () =>
          ignored.map((entry, i) => (
            <Fragment key={entry.param}>
              {i ? t("separator") : null}
              {item(entry)}
            </Fragment>
          )),
      })}
    </p>
  );
}

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
  const t = await getTranslations("ChangeList");
  return (
    <>
      <PageHeader
        title={t("heading")}
        description={t("description")}
        actions={
          <div className="flex flex-wrap items-center gap-3">
            {canApprove ? (
              <Link href="/changes/queue" className={buttonClass.secondary}>
                {t("waitingForYou")}
              </Link>
            ) : null}
            <Link href="/changes/calendar" className={buttonClass.secondary}>
              {t("calendar")}
            </Link>
            <Link href="/changes/freezes" className={buttonClass.secondary}>
              {t("freezes")}
            </Link>
            {userCan(user.role, "record") ? (
              <Link href="/changes/new" className={buttonClass.primary}>
                {t("file")}
              </Link>
            ) : null}
          </div>
        }
      />
      <ChangeFilters params={params} options={{ ...options, requesters, canApprove }} />
      {ignored.length ? <IgnoredNotice ignored={ignored} /> : null}
      {rows.length === 0 && filtered ? (
        <p className="text-sm">{t("noMatch")}</p>
      ) : rows.length === 0 ? (
        <EmptyState title={t("emptyTitle")}>{t.rich("emptyBody", { code: (chunks) => <code translate="no">{chunks}</code> })}</EmptyState>
      ) : (
        <>
          <p className="mb-2 text-sm text-muted" aria-live="polite">
            {pages > 1 ? t("countPaged", { total, page, pages }) : t("count", { total })}
          </p>
          <ChangeTable rows={rows} caption={t("tableCaption")} />
          <DrilldownPager
            label={t("pagerLabel")}
            newerHref={page > 1 ? changeListHref(params, page - 1) : null}
            olderHref={page < pages ? changeListHref(params, page + 1) : null}
          />
        </>
      )}
    </>
  );
}
