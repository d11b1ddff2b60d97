import type { Database } from "@/db/database";
import { findServiceBySlug } from "@/db/queries/services";
import { emailPeople, emitEvent } from "@/lib/notifications/emit";
import { subjectNotification } from "@/lib/notifications/events";
import { overdueActionItemsToNotify } from "./items";
import type { ActionItemJson } from "./json";

/**
 * Once a UTC day per overdue item: `action_item.overdue` to the channels of its service's team, and an
 * e-mail to its owner — written in the transaction that marks the item told, so a crash or a second
 * server neither loses nor doubles a reminder. Returns the items this run told about.
 */
export async function sendOverdueReminders(db: Database, now: Date): Promise<ActionItemJson[]> {
  return db.transaction(async (tx) => {
    const items = await overdueActionItemsToNotify(tx, now);
    for (const item of items) {
      const team = (await findServiceBySlug(tx, item.service))?.team ?? null;
      const notice = subjectNotification("action_item.overdue", {
        data: item,
        text: {
          title: { key: "Notifications.overdue", values: { title: item.title } },
          summary: { key: "Notifications.overdueSummary", values: { owner: item.ownerName ?? item.owner, incident: String(item.incident), due: { day: item.dueDate } } },
          facts: [
            ["Terms.nouns.owner", item.ownerName ?? item.owner],
            ["Notifications.due", { day: item.dueDate }],
            ["Terms.nouns.service", item.service],
          ],
        },
        path: `/incidents/${item.incident}/postmortem`,
        service: item.service,
        team,
        at: now,
      });
      await emitEvent(tx, notice);
      await emailPeople(tx, notice, [item.owner]);
    }
    return items;
  });
}
