import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getDatabase } from "@/db/client";
import { requirePageUser } from "@/app/_http/session";
import { loadDrilldown } from "@/lib/dora/drilldown";
import { DRILLDOWNS, type Drilldown } from "@/lib/dora/links";
import { metricsQuerySchema } from "@/lib/dora/query";
import { fieldErrors } from "@/lib/errors";
import { DRILLDOWN_PAGE_ROWS, DrilldownTable } from "@/components/metrics/drilldown-table";
import { EmptyState } from "@/components/ui/empty-state";
import { LocalTime } from "@/components/ui/local-time";
import { PageHeader } from "@/components/ui/page-header";
import { buttonClass } from "@/components/ui/styles";

export const metadata: Metadata = { title: "Rows behind a figure" };

type Props = { params: Promise<{ kind: string }>; searchParams: Promise<Record<string, string | undefined>> };

export default async function DrilldownPage({ params, searchParams }: Props) {
  await requirePageUser();
  const { kind } = await params;
  if (!DRILLDOWNS.includes(kind as Drilldown)) notFound();
  const raw = await searchParams;
  const parsed = metricsQuerySchema.safeParse(raw);
  if (!parsed.success) {
    const [field, problem] = Object.entries(fieldErrors(parsed.error.issues))[0]!;
    return (
      <p role="alert" className="rounded-md border border-danger bg-danger-soft p-3 text-sm">
        This link is not valid: {field} {problem}. <Link href="/" className="underline">Back to the overview</Link>
      </p>
    );
  }
  const q = parsed.data;
  const table = await loadDrilldown(getDatabase().read, kind as Drilldown, q);
  const search = new URLSearchParams(Object.entries(raw).filter((e): e is [string, string] => Boolean(e[1]))).toString();
  const scope = [q.environment, q.team && `team ${q.team}`, q.service && `service ${q.service}`].filter(Boolean).join(" · ");
  return (
    <>
      <PageHeader
        title={table.title}
        description={table.explains}
        actions={
          <a href={`/drilldown/${kind}/csv?${search}`} className={buttonClass.secondary} download>
            Download CSV
          </a>
        }
      />
      <p className="mb-4 text-sm">
        <LocalTime iso={q.from.toISOString()} /> to <LocalTime iso={q.to.toISOString()} /> · {scope} ·{" "}
        <strong data-testid="row-count">{table.rows.length}</strong> rows
        {table.rows.length > DRILLDOWN_PAGE_ROWS ? ` (the first ${DRILLDOWN_PAGE_ROWS} are shown; the CSV has all)` : ""}
      </p>
      {table.rows.length === 0 ? (
        <EmptyState title="Nothing counted">No rows match this window and these filters, so the figure is empty (shown as —).</EmptyState>
      ) : (
        <DrilldownTable table={table} />
      )}
      <p className="mt-6 text-sm">
        <Link href="/how-computed" className="text-accent underline">
          How is this computed?
        </Link>
      </p>
    </>
  );
}
