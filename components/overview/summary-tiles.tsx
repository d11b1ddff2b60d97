import Link from "next/link";
import type { OverviewCounts } from "@/db/queries/lists";
import { cardClass } from "@/components/ui/styles";

export function SummaryTiles({ counts }: { counts: OverviewCounts }) {
  const tiles = [
    { label: "Production deployments (30 d)", value: counts.deployments, href: "/deployments" },
    { label: "Failed changes (30 d)", value: counts.failedChanges, href: "/deployments" },
    { label: "Open incidents", value: counts.openIncidents, href: "/incidents" },
    { label: "Changes waiting for approval", value: counts.pendingApprovals, href: "/changes" },
  ];
  return (
    <ul className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
      {tiles.map((t) => (
        <li key={t.label}>
          <Link href={t.href} className={`${cardClass} block hover:border-accent`}>
            <span className="block text-sm text-muted">{t.label}</span>
            <span className="mt-1 block text-3xl font-semibold tabular-nums">{t.value}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
