import { z } from "zod";
import type { Database } from "@/db/database";
import type { FreezeWindow } from "@/db/schema";
import { recordAudit } from "@/db/queries/audit";
import { deleteFreeze, insertFreeze } from "@/db/queries/changes";
import { findServiceBySlug } from "@/db/queries/services";
import type { Actor } from "@/lib/auth/actor";
import { AppError, notFound } from "@/lib/errors";
import { singleLineName } from "@/lib/single-line";
import { slugSchema, text, timestampSchema } from "@/lib/validation";

export type NewFreeze = { name: string; service: string | null; startsAt: Date; endsAt: Date; reason: string | null };

/** The body of POST /api/v1/freezes (CONTRACT.md); the freezes page's form reads the same fields from local times. */
export const freezeApiSchema = z
  .object({
    name: singleLineName(100),
    // null, as a freeze of every service is returned, means every service too.
    service: slugSchema.nullish(),
    startsAt: timestampSchema,
    endsAt: timestampSchema,
    reason: text().trim().max(2000, "must be at most 2000 characters").nullish(),
  })
  .strict()
  .superRefine((f, ctx) => {
    if (f.endsAt <= f.startsAt) ctx.addIssue({ code: "custom", path: ["endsAt"], message: "must be after startsAt" });
  })
  .transform((f): NewFreeze => ({ name: f.name, service: f.service ?? null, startsAt: f.startsAt, endsAt: f.endsAt, reason: f.reason || null }));

/** Sets a freeze window, for one service or (service null) for all, audited. */
export async function createFreeze(db: Database, actor: Actor, f: NewFreeze): Promise<FreezeWindow> {
  return db.transaction(async (tx) => {
    const service = f.service ? await findServiceBySlug(tx, f.service) : null;
    if (f.service && !service) throw new AppError("bad_request", `service: no service is called ${f.service}`, { service: "is not a known service" });
    const createdBy = actor.type === "user" ? actor.id : null;
    const freeze = await insertFreeze(tx, { name: f.name, serviceId: service?.id ?? null, startsAt: f.startsAt, endsAt: f.endsAt, reason: f.reason, createdBy, createdAt: new Date() });
    await recordAudit(tx, actor, { action: "freeze.create", entityType: "freeze_window", entityId: freeze.id, after: freeze });
    return freeze;
  });
}

export async function removeFreeze(db: Database, actor: Actor, id: number): Promise<FreezeWindow> {
  return db.transaction(async (tx) => {
    const removed = await deleteFreeze(tx, id);
    if (!removed) throw notFound("freeze");
    await recordAudit(tx, actor, { action: "freeze.delete", entityType: "freeze_window", entityId: id, before: removed });
    return removed;
  });
}

/** A freeze as the API returns it. */
export function freezeJson(f: FreezeWindow, service: string | null) {
  return { id: f.id, name: f.name, service, startsAt: f.startsAt.toISOString(), endsAt: f.endsAt.toISOString(), reason: f.reason, createdAt: f.createdAt.toISOString() };
}
