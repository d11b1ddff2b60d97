import { and, desc, eq, gte, like, lt } from "drizzle-orm";
import type { Queryable } from "../database";
import { preparedStatements } from "../statements";
import { auditLog, type AuditActor, type AuditEntry } from "../schema";

export type AuditRecord = {
  action: string;
  entityType: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
};

const statements = preparedStatements((prepare) => ({
  insert: prepare(`insert into audit_log (at, actor_type, actor_id, actor_label, action, entity_type, entity_id, before, after)
    values (?, ?, ?, ?, ?, ?, ?, ?, ?)`),
}));

const json = (value: unknown) => (value == null ? null : JSON.stringify(value));

export async function recordAudit(q: Queryable, actor: AuditActor, record: AuditRecord, at = new Date()): Promise<void> {
  await statements(q).insert.run(
    at.getTime(),
    actor.type,
    actor.id,
    actor.label,
    record.action,
    record.entityType,
    record.entityId == null ? null : String(record.entityId),
    json(record.before),
    json(record.after),
  );
}

export type AuditFilter = { actor?: string; entityType?: string; action?: string; from?: Date; to?: Date };

/** The log newest first, filtered by actor (label contains), entity type, action (prefix) and time. */
export async function listAudit(q: Queryable, filter: AuditFilter, limit = 200): Promise<AuditEntry[]> {
  return q
    .select()
    .from(auditLog)
    .where(
      and(
        filter.actor ? like(auditLog.actorLabel, `%${filter.actor}%`) : undefined,
        filter.entityType ? eq(auditLog.entityType, filter.entityType) : undefined,
        filter.action ? like(auditLog.action, `${filter.action}%`) : undefined,
        filter.from ? gte(auditLog.at, filter.from) : undefined,
        filter.to ? lt(auditLog.at, filter.to) : undefined,
      ),
    )
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit);
}

export async function listAuditEntityTypes(q: Queryable): Promise<string[]> {
  return (await q.selectDistinct({ t: auditLog.entityType }).from(auditLog).orderBy(auditLog.entityType)).map((r) => r.t);
}
