import type { Db } from "@/db/client";
import { listChanges, listIncidents, listRecentDeployments } from "@/db/queries/lists";
import { mergeActivity, type ActivityItem } from "./recent-activity";

/** The newest `limit` events of every kind, for the overview and the timeline. */
export function loadRecentActivity(db: Db, limit: number): ActivityItem[] {
  return mergeActivity(listRecentDeployments(db, limit), listIncidents(db, limit), listChanges(db, limit), limit);
}
