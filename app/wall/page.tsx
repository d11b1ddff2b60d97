import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { listIncidents, openWorkCounts } from "@/db/queries/lists";
import { computeMetrics } from "@/lib/dora/metrics";
import { metricsQuerySchema } from "@/lib/dora/query";
import { formatFrequency, formatPercent } from "@/lib/format";
import { requirePageUser } from "@/lib/auth/session";
import { LocalTime } from "@/components/ui/local-time";
import { IncidentStatusBadge, SeverityBadge } from "@/components/ui/status-badges";

export const metadata: Metadata = { title: "Wall" };

/** The TV view: dark whatever the theme, large type, readable from across the room. */
export default async function WallPage() {
  await requirePageUser();
  const db = getDb();
  const metrics = computeMetrics(db, metricsQuerySchema.parse({}));
  const counts = openWorkCounts(db);
  const open = listIncidents(db, 20).filter((i) => i.status !== "resolved");
  const tiles = [
    ["Deployment frequency, 30 days", formatFrequency(metrics.deploymentFrequency.perDay)],
    ["Change failure rate, 30 days", formatPercent(metrics.changeFailureRate.rate)],
    ["Open incidents", counts.openIncidents],
    ["Waiting for approval", counts.pendingApprovals],
  ] as const;
  return (
    <main className="min-h-screen bg-bg p-8 text-fg [color-scheme:dark]">
      <div className="flex items-baseline justify-between">
        <h1 className="text-4xl font-semibold">Tandem</h1>
        <Link href="/" className="text-lg text-accent underline">
          Leave wall
        </Link>
      </div>
      <ul className="mt-8 grid grid-cols-2 gap-6 xl:grid-cols-4">
        {tiles.map(([label, value]) => (
          <li key={label} className="rounded-xl border border-border bg-surface p-6">
            <span className="block text-2xl text-muted">{label}</span>
            <span className="block text-7xl font-semibold tabular-nums">{value}</span>
          </li>
        ))}
      </ul>
      <section aria-labelledby="open-incidents" className="mt-10">
        <h2 id="open-incidents" className="text-3xl font-semibold">
          Open incidents
        </h2>
        {open.length === 0 ? (
          <p className="mt-4 text-2xl text-muted">None. All quiet.</p>
        ) : (
          <ul className="mt-4 space-y-3">
            {open.map((i) => (
              <li key={i.id} className="flex flex-wrap items-center gap-4 rounded-lg border border-border bg-surface p-4 text-2xl">
                <SeverityBadge severity={i.severity} />
                <span className="font-medium">{i.title}</span>
                <span className="text-muted">{i.serviceName}</span>
                <IncidentStatusBadge status={i.status} />
                <span className="ml-auto text-lg text-muted">
                  since <LocalTime iso={i.startedAt.toISOString()} withDate={false} />
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}
