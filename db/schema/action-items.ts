import { sqliteTable, text, integer, index } from "drizzle-orm/sqlite-core";
import { incidents } from "./incidents";
import { user } from "./auth";

export const ACTION_ITEM_STATUSES = ["open", "done", "wont_do"] as const;
export type ActionItemStatus = (typeof ACTION_ITEM_STATUSES)[number];

/**
 * A follow-up an incident leaves behind (mostly from its postmortem): who does what by when. Due dates
 * are calendar days ("2026-12-10", text so both engines compare them alike); lib/action-items/overdue.ts
 * says when one is overdue.
 */
export const actionItems = sqliteTable(
  "action_items",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
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
    /** The UTC day its owner was last told it is overdue: the daily notice goes out once per day. */
    overdueNotifiedOn: text("overdue_notified_on"),
    createdBy: text("created_by").references(() => user.id, { onDelete: "set null" }),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    index("action_items_incident_idx").on(t.incidentId),
    index("action_items_owner_idx").on(t.ownerId, t.status),
    index("action_items_status_due_idx").on(t.status, t.dueOn),
  ],
);
export type ActionItem = typeof actionItems.$inferSelect;
export type NewActionItem = typeof actionItems.$inferInsert;
