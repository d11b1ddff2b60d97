/* eslint-disable no-restricted-syntax, react/jsx-no-literals -- issue 19: this file's UI text is not yet in the message catalogs */
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
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

export const metadata: Metadata = { title: "Rows behind a figure" };

type Props = { params: Promise<{ kind: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The search params that choose a page; every other one is the window and filters, kept on every link. */
const PAGING = new Set(["after", "before"]);

export default async function DrilldownPage({ params, searchParams }: Props) {
  await requirePageUser();
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
        This link is not valid: {field} {problem}. <Link href="/" className="underline">Back to the overview</Link>
      </p>
    );
  }
  const q = parsed.data;
  const db = getDatabase();
  const [table, total] = await Promise.all([loadDrilldownPage(db.read, kind as Drilldown, q, paging.data), drilldownTotal(db, kind as Drilldown, q)]);
  const filters = Object.entries(raw).filter(([k]) => !PAGING.has(k));
  const href = (cursor: Record<string, string>) => `/drilldown/${kind}?${new URLSearchParams([...filters, ...Object.entries(cursor)])}`;
  const paged = Boolean(paging.data.after || paging.data.before);
  const scope = [q.environment, q.team && `team ${q.team}`, q.service && `service ${q.service}`].filter(Boolean).join(" · ");
  return (
    <>
      <PageHeader
        title={table.title}
        description={table.explains}
        actions={
          <a href={`/drilldown/${kind}/csv?${new URLSearchParams(filters)}`} className={buttonClass.secondary} download>
            Download CSV
          </a>
        }
      />
      <p className="mb-4 text-sm">
        <LocalTime iso={q.from.toISOString()} /> to <LocalTime iso={q.to.toISOString()} /> · {scope} · <strong data-testid="row-count">{total}</strong> rows
        {total > DRILLDOWN_PAGE_SIZE ? `, newest first, ${DRILLDOWN_PAGE_SIZE} a page (the CSV has them all)` : ""}
      </p>
      {table.rows.length === 0 ? (
        paged ? (
          <EmptyState title="No rows on this page">
            The rows have changed since this link was made. <Link href={href({})} className="text-accent underline">Go to the first page</Link>
          </EmptyState>
        ) : (
          <EmptyState title="Nothing counted">No rows match this window and these filters, so the figure is empty (shown as —).</EmptyState>
        )
      ) : (
        <>
          <DrilldownTable table={table} />
          <DrilldownPager
            label={`Pages of ${table.title.toLowerCase()}`}
            newerHref={table.newer && href({ before: table.newer })}
            olderHref={table.older && href({ after: table.older })}
          />
        </>
      )}
      <p className="mt-6 text-sm">
        <Link href="/how-computed" className="text-accent underline">
          How is this computed?
        </Link>
      </p>
    </>
  );
}
