import { richTags } from "@/components/i18n/rich";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDatabase } from "@/db/client";
import { requirePageUser } from "@/app/_http/session";
import { DRILLDOWN_PAGE_SIZE, drilldownPageSchema, drilldownTotal, loadDrilldownPage } from "@/lib/dora/drilldown";
import { DRILLDOWNS, type Drilldown } from "@/lib/dora/links";
import { metricsQuerySchema } from "@/lib/dora/query";
import { fieldErrors } from "@/lib/errors";
import { DrilldownPager } from "@/components/metrics/drilldown-pager";
import { DrilldownTable } from "@/components/metrics/drilldown-table";
import { EmptyState } from "@/components/ui/empty-state";
import { LocalTime } from "@/components/ui/local-time";
import { PageHeader } from "@/components/ui/page-header";
import { buttonClass } from "@/components/ui/styles";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Drilldown"))("metaTitle") };
}

type Props = { params: Promise<{ kind: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The search params that choose a page; every other one is the window and filters, kept on every link. */
const PAGING = new Set(["after", "before"]);

export default async function DrilldownPage({ params, searchParams }: Props) {
  await requirePageUser();
  const t = await getTranslations("Drilldown");
  const { kind } = await params;
  if (!DRILLDOWNS.includes(kind as Drilldown)) notFound();
  // A parameter given twice counts once (the first), as URLSearchParams.get would.
  const raw = Object.fromEntries(
    Object.entries(await searchParams).flatMap(([k, v]) => {
      const first = Array.isArray(v) ? v[0] : v;
      return first ? [[k, first]] : [];
    }),
  );
  const parsed = metricsQuerySchema.safeParse(raw);
  const paging = drilldownPageSchema.safeParse(raw);
  if (!parsed.success || !paging.success) {
    const [field, problem] = Object.entries(fieldErrors((parsed.error ?? paging.error)!.issues))[0]!;
    return (
      <p role="alert" className="rounded-md border border-danger bg-danger-soft p-3 text-sm">
        {t.rich("invalidLink", {
          field,
          problem,
          back: (chunks) => (
            <Link href="/" className="underline">
              {chunks}
            </Link>
          ),
        })}
      </p>
    );
  }
  const q = parsed.data;
  const db = getDatabase();
  const [table, total] = await Promise.all([loadDrilldownPage(db.read, kind as Drilldown, q, paging.data), drilldownTotal(db, kind as Drilldown, q)]);
  const filters = Object.entries(raw).filter(([k]) => !PAGING.has(k));
  const href = (cursor: Record<string, string>) => `/drilldown/${kind}?${new URLSearchParams([...filters, ...Object.entries(cursor)])}`;
  const paged = Boolean(paging.data.after || paging.data.before);
  const title = t(`kinds.${kind as Drilldown}.title`);
  return (
    <>
      <PageHeader
        title={title}
        description={t(`kinds.${kind as Drilldown}.explains`)}
        actions={
          <a href={`/drilldown/${kind}/csv?${new URLSearchParams(filters)}`} className={buttonClass.secondary} download>
            {t("csv")}
          </a>
        }
      />
      <p className="mb-4 text-sm">
        {t.rich("summary", {
          environment: q.environment,
          hasTeam: q.team ? "yes" : "no",
          team: q.team ?? "",
          hasService: q.service ? "yes" : "no",
          service: q.service ?? "",
          total,
          paged: total > DRILLDOWN_PAGE_SIZE ? "yes" : "no",
          size: DRILLDOWN_PAGE_SIZE,
          from: () => <LocalTime iso={q.from.toISOString()} />,
          to: () => <LocalTime iso={q.to.toISOString()} />,
          ...richTags,
          count: (chunks) => <strong data-testid="row-count">{chunks}</strong>,
        })}
      </p>
      {table.rows.length === 0 ? (
        paged ? (
          <EmptyState title={t("emptyPage")}>
            {t.rich("emptyPageBody", {
              first: (chunks) => (
                <Link href={href({})} className="text-accent underline">
                  {chunks}
                </Link>
              ),
            })}
          </EmptyState>
        ) : (
          <EmptyState title={t("nothing")}>{t("nothingBody")}</EmptyState>
        )
      ) : (
        <>
          <DrilldownTable kind={kind as Drilldown} title={title} table={table} />
          <DrilldownPager
            label={t("pages", { title: title.toLowerCase() })}
            newerHref={table.newer && href({ before: table.newer })}
            olderHref={table.older && href({ after: table.older })}
          />
        </>
      )}
      <p className="mt-6 text-sm">
        <Link href="/how-computed" className="text-accent underline">
          {(await getTranslations("Metrics"))("howComputed")}
        </Link>
      </p>
    </>
  );
}
