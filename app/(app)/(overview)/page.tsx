import Link from "next/link";
import { getDb } from "@/db/client";
import { overviewCounts } from "@/db/queries/lists";
import { loadRecentActivity } from "@/lib/activity/load";
import { requirePageUser } from "@/lib/auth/session";
import { daysAgo } from "@/lib/time";
import { SummaryTiles } from "@/components/overview/summary-tiles";
import { ActivityFeed } from "@/components/timeline/activity-feed";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export default async function OverviewPage() {
  await requirePageUser();
  const db = getDb();
  const counts = overviewCounts(db, daysAgo(30));
  const activity = loadRecentActivity(db, 15);
  return (
    <>
      <PageHeader title="Overview" description="How delivery is going across every service, over the last 30 days." />
      {counts.services === 0 ? (
        <EmptyState title="No services yet">
          Tandem fills up as your pipelines report deployments. Create an ingest token in{" "}
          <Link className="text-accent underline" href="/settings">
            Settings
          </Link>{" "}
          and send <code>POST /api/v1/deployments</code> from CI, or run <code>npm run tandem -- seed --demo</code> on an empty database to explore with demo data.
        </EmptyState>
      ) : (
        <>
          <SummaryTiles counts={counts} />
          <h2 className="mb-3 mt-8 text-lg font-semibold">Latest activity</h2>
          <ActivityFeed items={activity} />
        </>
      )}
    </>
  );
}
