import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { loadRecentActivity } from "@/lib/activity/load";
import { requirePageUser } from "@/lib/auth/session";
import { ActivityFeed } from "@/components/timeline/activity-feed";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Timeline" };

export default async function TimelinePage() {
  await requirePageUser();
  const items = loadRecentActivity(getDb(), 100);
  return (
    <>
      <PageHeader title="Timeline" description="Deployments, incidents and change requests, newest first." />
      {items.length === 0 ? (
        <EmptyState title="Nothing has happened yet">
          Events appear here as soon as a deployment, incident or change request reaches Tandem, from the API, a webhook or the forms of this app.
        </EmptyState>
      ) : (
        <ActivityFeed items={items} />
      )}
    </>
  );
}
