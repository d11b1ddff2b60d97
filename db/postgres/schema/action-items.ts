import { pgTable, text, integer, index } from "drizzle-orm/pg-core";
import { ACTION_ITEM_STATUSES } from "../../schema/action-items";
import { incidents } from "./incidents";
import { user } from "./auth";
import { timestampMs } from "./columns";

export { ACTION_ITEM_STATUSES, type ActionItemStatus } from "../../schema/action-items";

export const actionItems = pgTable(
  "action_items",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    incidentId: integer("incident_id")
      .notNull()
      .references(() => incidents.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    ownerId: text("owner_id")
      .notNull()
      .references(() => user.id),
    dueOn: text("due_on").notNull(),
    status: text("status", { enum: ACTION_ITEM_STATUSES }).notNull().default("open"),
    url: text("url"),
    overdueNotifiedOn: text("overdue_notified_on"),
    createdBy: text("created_by").references(() => user.id, { onDelete: "set null" }),
    createdAt: timestampMs("created_at").notNull(),
    updatedAt: timestampMs("updated_at").notNull(),
  },
  (t) => [
    index("action_items_incident_idx").on(t.incidentId),
    index("action_items_owner_idx").on(t.ownerId, t.status),
    index("action_items_status_due_idx").on(t.status, t.dueOn),
  ],
);
export type ActionItem = typeof actionItems.$inferSelect;
export type NewActionItem = typeof actionItems.$inferInsert;
