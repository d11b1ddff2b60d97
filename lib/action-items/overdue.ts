import type { ActionItemStatus } from "@/db/schema";

/**
 * The overdue rule, the one place it is written. A due date is a calendar day; the item is overdue when
 * it is still open and that day has ended in UTC, the day Tandem's figures count in (due 10 December:
 * overdue from 11 December 00:00 UTC). The queries that count or select overdue items compare with
 * `overdueBefore(now)` so they apply this same rule.
 */

/** The UTC calendar day of an instant: "2026-12-06". */
export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** Items still open and due before this day are overdue at `now`. */
export function overdueBefore(now: Date): string {
  return utcDay(now);
}

export function isOverdue(item: { status: ActionItemStatus; dueOn: string }, now: Date): boolean {
  return item.status === "open" && item.dueOn < overdueBefore(now);
}
