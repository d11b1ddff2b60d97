import { desc } from "drizzle-orm";
import type { Db, DbOrTx } from "../client";
import { auditLog, type AuditEntry } from "../schema";
import type { Actor } from "@/lib/auth/actor";

export type AuditRecord = {
  action: string;
  entityType: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
};

export function recordAudit(db: DbOrTx, actor: Actor, record: AuditRecord, at = new Date()): void {
  db.insert(auditLog)
    .values({
      at,
      actorType: actor.type,
      actorId: actor.id,
      actorLabel: actor.label,
      action: record.action,
      entityType: record.entityType,
      entityId: record.entityId == null ? null : String(record.entityId),
      before: record.before ?? null,
      after: record.after ?? null,
    })
    .run();
}

export function listAudit(db: Db, limit = 100): AuditEntry[] {
  return db.select().from(auditLog).orderBy(desc(auditLog.at), desc(auditLog.id)).limit(limit).all();
}
