import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getDatabase } from "@/db/client";
import type { Database } from "@/db/database";
import { listFilterOptions } from "@/db/queries/services";
import { requirePageUser } from "@/app/_http/session";
import { fieldErrors } from "@/lib/errors";
import { timelinePage } from "@/lib/timeline/feed";
import { timelineQuerySchema } from "@/lib/timeline/query";
import { richTags } from "@/components/i18n/rich";
import { TimelineFilters } from "@/components/timeline/timeline-filters";
import { TimelineView } from "@/components/timeline/timeline-view";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Timeline"))("title") };
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;

export default async function TimelinePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageUser();
  const t = await getTranslations("Timeline");
  const raw = await searchParams;
  const params = { type: one(raw.type), service: one(raw.service), team: one(raw.team), environment: one(raw.environment) };
  const db = getDatabase();
  const parsed = timelineQuerySchema.safeParse(params);
  const filters = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => Boolean(e[1]))).toString();
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <TimelineFilters params={params} options={await listFilterOptions(db.read)} />
      {!parsed.success ? (
        <p role="alert" className="rounded-md border border-danger bg-danger-soft p-3 text-sm">
          {t.rich("invalid", { ...richTags, problems: Object.entries(fieldErrors(parsed.error.issues)).map(([k, v]) => `${k} ${v}`).join("; ") })}
        </p>
      ) : (
        <Feed db={db} query={parsed.data} filters={filters} />
      )}
    </>
  );
}

async function Feed({ db, query, filters }: { db: Database; query: import("@/lib/timeline/query").TimelineQuery; filters: string }) {
  const initial = await timelinePage(db.read, query);
  if (initial.events.length === 0 && !filters) {
    const t = await getTranslations("Timeline");
    return <EmptyState title={t("emptyTitle")}>{t("emptyBody")}</EmptyState>;
  }
  // The server's clock at render is the point: the browser measures its own against it (useServerNow).
  // eslint-disable-next-line react-hooks/purity -- a server component renders once per request
  return <TimelineView key={filters} initial={initial} filters={filters} serverNow={Date.now()} />;
}
