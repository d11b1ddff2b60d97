import { sqliteTable, text, integer, index } from "drizzle-orm/sqlite-core";

export const ACTOR_TYPES = ["user", "token", "integration", "cli", "system"] as const;
export type ActorType = (typeof ACTOR_TYPES)[number];
/** Who did something, as the audit log records it (lib/auth/actor.ts's Actor is one). */
export type AuditActor = { type: ActorType; id: string | null; label: string };

/**
 * Append-only: triggers in migration 0001 abort any UPDATE or DELETE, so no code path
 * (nor a stray SQL statement) can rewrite history.
 */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: integer("at", { mode: "timestamp_ms" }).notNull(),
    actorType: text("actor_type", { enum: ACTOR_TYPES }).notNull(),
    actorId: text("actor_id"),
    actorLabel: text("actor_label").notNull(),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id"),
    before: text("before", { mode: "json" }),
    after: text("after", { mode: "json" }),
  },
  (t) => [
    index("audit_log_at_idx").on(t.at),
    index("audit_log_entity_idx").on(t.entityType, t.entityId),
    index("audit_log_actor_idx").on(t.actorType, t.actorId),
  ],
);
export type AuditEntry = typeof auditLog.$inferSelect;
export type NewAuditEntry = typeof auditLog.$inferInsert;
