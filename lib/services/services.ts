import type { Database, Queryable } from "@/db/database";
import type { Service } from "@/db/schema";
import { recordAudit } from "@/db/queries/audit";
import { findServiceBySlug, insertService, updateService } from "@/db/queries/services";
import type { Actor } from "@/lib/auth/actor";
import { ensureTeam } from "@/lib/teams/teams";
import type { ServiceFields, ServicePolicyFields } from "./schema";

const orNull = (v: string | undefined) => (v === undefined ? undefined : v === "" ? null : v);

type Upserted = { service: Service; created: boolean };

/** Creates or updates a service (PUT semantics: only the fields given change), audited. */
export async function upsertService(db: Database, actor: Actor, slug: string, fields: ServiceFields & ServicePolicyFields): Promise<Upserted> {
  return db.transaction((tx) => upsertIn(tx, actor, slug, fields));
}

async function upsertIn(q: Queryable, actor: Actor, slug: string, fields: ServiceFields & ServicePolicyFields): Promise<Upserted> {
  const values = {
    name: fields.name,
    team: orNull(fields.team),
    description: orNull(fields.description),
    repository: orNull(fields.repository),
    requireChange: fields.requireChange,
    changeToleranceMinutes: fields.changeToleranceMinutes,
    changeReuse: fields.changeReuse,
  };
  if (values.team) await ensureTeam(q, values.team, new Date());
  const before = await findServiceBySlug(q, slug);
  if (!before) {
    const created = await insertService(q, { slug, ...values, name: values.name ?? slug });
    await recordAudit(q, actor, { action: "service.create", entityType: "service", entityId: created.id, after: created });
    return { service: created, created: true };
  }
  const changes = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
  if (Object.keys(changes).length === 0) return { service: before, created: false };
  const after = await updateService(q, before.id, changes);
  await recordAudit(q, actor, { action: "service.update", entityType: "service", entityId: before.id, before, after });
  return { service: after, created: false };
}

/** A service, created (named after its slug, audited) the first time something names it. */
export async function serviceNamed(q: Queryable, actor: Actor, slug: string): Promise<Service> {
  return (await findServiceBySlug(q, slug)) ?? (await upsertIn(q, actor, slug, {})).service;
}

/** The id of a service, created the first time something names it (see serviceNamed). */
export async function ensureService(q: Queryable, actor: Actor, slug: string): Promise<number> {
  return (await serviceNamed(q, actor, slug)).id;
}
