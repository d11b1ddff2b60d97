import { pgTable, text, integer, index } from "drizzle-orm/pg-core";
import { ACTOR_TYPES } from "../../schema/audit";
import { jsonText, timestampMs } from "./columns";

export { ACTOR_TYPES, type ActorType, type AuditActor } from "../../schema/audit";

/** Append-only, as on SQLite: triggers (migration 0001_rules) refuse any UPDATE or DELETE. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    at: timestampMs("at").notNull(),
    actorType: text("actor_type", { enum: ACTOR_TYPES }).notNull(),
    actorId: text("actor_id"),
    actorLabel: text("actor_label").notNull(),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id"),
    before: jsonText("before"),
    after: jsonText("after"),
  },
  (t) => [
    index("audit_log_at_idx").on(t.at),
    index("audit_log_entity_idx").on(t.entityType, t.entityId),
    index("audit_log_actor_idx").on(t.actorType, t.actorId),
  ],
);
export type AuditEntry = typeof auditLog.$inferSelect;
export type NewAuditEntry = typeof auditLog.$inferInsert;
