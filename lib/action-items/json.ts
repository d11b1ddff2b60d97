import type { ActionItemRow } from "@/db/queries/action-items";
import { isOverdue } from "./overdue";

/** An action item as the API returns it (and a notification carries it): the owner by email, `overdue` at `now`. */
export function actionItemJson(row: ActionItemRow, now: Date) {
  return {
    id: row.id,
    incident: row.incidentId,
    service: row.service,
    title: row.title,
    owner: row.ownerEmail,
    ownerName: row.ownerName,
    dueDate: row.dueOn,
    status: row.status,
    url: row.url,
    overdue: isOverdue(row, now),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
export type ActionItemJson = ReturnType<typeof actionItemJson>;
