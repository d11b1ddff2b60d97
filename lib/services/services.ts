import type { Db, Tx } from "@/db/client";
import { recordAudit } from "@/db/queries/audit";
import { findServiceBySlug, insertService, updateService } from "@/db/queries/services";
import type { Actor } from "@/lib/auth/actor";
import type { ServiceFields } from "./schema";

const orNull = (v: string | undefined) => (v === undefined ? undefined : v === "" ? null : v);

/** Creates or updates a service (PUT semantics: only the fields given change), audited. */
export function upsertService(db: Db, actor: Actor, slug: string, fields: ServiceFields & { requireApprovedChange?: boolean }) {
  return db.transaction((tx) => upsertIn(tx, actor, slug, fields));
}

function upsertIn(db: Tx, actor: Actor, slug: string, fields: ServiceFields & { requireApprovedChange?: boolean }) {
  const values = {
    name: fields.name,
    team: orNull(fields.team),
    description: orNull(fields.description),
    repository: orNull(fields.repository),
    requireApprovedChange: fields.requireApprovedChange,
  };
  const before = findServiceBySlug(db, slug);
  if (!before) {
    const created = insertService(db, { slug, ...values, name: values.name ?? slug });
    recordAudit(db, actor, { action: "service.create", entityType: "service", entityId: created.id, after: created });
    return { service: created, created: true };
  }
  const changes = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
  if (Object.keys(changes).length === 0) return { service: before, created: false };
  const after = updateService(db, before.id, changes);
  recordAudit(db, actor, { action: "service.update", entityType: "service", entityId: before.id, before, after });
  return { service: after, created: false };
}

/** The id of a service, creating it (named after its slug, audited) the first time something names it. */
export function ensureService(db: Tx, actor: Actor, slug: string): number {
  const existing = findServiceBySlug(db, slug);
  if (existing) return existing.id;
  return upsertIn(db, actor, slug, {}).service.id;
}
