import { z } from "zod";
import type { Database, Queryable } from "@/db/database";
import { CHANGE_RISKS, type ChangeRequest, type ChangeTemplate } from "@/db/schema";
import { recordAudit } from "@/db/queries/audit";
import { deleteTemplate, findTemplate, insertTemplate } from "@/db/queries/changes";
import { findServiceBySlug } from "@/db/queries/services";
import { serviceSlugOf } from "@/db/queries/incidents";
import type { Actor } from "@/lib/auth/actor";
import { AppError, notFound } from "@/lib/errors";
import { oneOf, requiredText, slugSchema, text } from "@/lib/validation";
import { requireScopeTeam } from "@/lib/teams/scope";
import { standardProblem } from "./policy";
import { recordId } from "@/lib/whole-number";

/** The Settings form that adds a standard change to the catalog: a service or a team, not both, not neither. */
export const templateFormSchema = z
  .object({
    title: requiredText(200),
    service: z.union([z.literal(""), slugSchema]).default(""),
    team: z.union([z.literal(""), slugSchema], { error: "must be a slug: lower-case letters, digits and dashes" }).default(""),
    maxRisk: oneOf(CHANGE_RISKS),
    description: text().trim().max(2000, "must be at most 2000 characters").default(""),
  })
  .superRefine((t, ctx) => {
    if (!t.service && !t.team) ctx.addIssue({ code: "custom", path: ["service"], message: "choose the service it covers, or name a team" });
    if (t.service && t.team) ctx.addIssue({ code: "custom", path: ["team"], message: "leave empty when a service is chosen: a template covers one service or one team" });
  });
export type TemplateForm = z.output<typeof templateFormSchema>;

export const templateIdSchema = z.object({ id: recordId() });

export async function createTemplate(db: Database, actor: Actor, t: TemplateForm): Promise<ChangeTemplate> {
  return db.transaction(async (tx) => {
    const service = t.service ? await findServiceBySlug(tx, t.service) : undefined;
    if (t.service && !service) throw new AppError("bad_request", `service: no service is called ${t.service}`, { service: "is not a known service" });
    await requireScopeTeam(tx, t.team || undefined);
    if (await findTemplate(tx, t.title)) throw new AppError("conflict", `title: the catalog already has "${t.title}"`, { title: "is already in the catalog" });
    const template = await insertTemplate(tx, { title: t.title, serviceId: service?.id ?? null, team: t.team || null, maxRisk: t.maxRisk, description: t.description || null, createdAt: new Date() });
    await recordAudit(tx, actor, { action: "change_template.create", entityType: "change_template", entityId: template.id, after: template });
    return template;
  });
}

/** Removes an entry; changes filed from it keep their template id, and stay approved. */
export async function removeTemplate(db: Database, actor: Actor, id: number): Promise<ChangeTemplate> {
  return db.transaction(async (tx) => {
    const removed = await deleteTemplate(tx, id);
    if (!removed) throw notFound("template");
    await recordAudit(tx, actor, { action: "change_template.delete", entityType: "change_template", entityId: id, before: removed });
    return removed;
  });
}

/**
 * The catalog entry a standard change is submitted under, when the change stays within it; else a 400
 * (or, for a draft submitted later, `refusal`) naming the field to change. Other types need none.
 */
export async function templateFor(
  q: Queryable,
  change: Pick<ChangeRequest, "type" | "serviceId" | "risk"> & { service: string; team: string | null },
  ref: number | string | undefined,
  refusal: "bad_request" | "conflict" = "bad_request",
): Promise<ChangeTemplate | undefined> {
  if (change.type !== "standard") return undefined;
  const template = ref === undefined ? undefined : await findTemplate(q, ref);
  if (ref !== undefined && !template) throw new AppError(refusal, `template: the standard change catalog has no template ${typeof ref === "number" ? `with id ${ref}` : `"${ref}"`}`, { template: "is not a template of the standard change catalog" });
  const serviceSlug = template?.serviceId ? await serviceSlugOf(q, template.serviceId) : null;
  const problem = standardProblem(change, template && { ...template, serviceSlug });
  if (problem) throw new AppError(refusal, problem.message, { [problem.field]: problem.message });
  return template;
}
