import { z } from "zod";
import { changeCreateSchema } from "@/lib/changes/schema";
import { instantIn } from "@/lib/time-zone";
import { singleLineName } from "@/lib/single-line";
import { isoIn, localDateTimeSchema, requiredLocalDateTimeSchema, requiredText, text, timeZoneFieldSchema } from "@/lib/validation";
import { recordId } from "@/lib/whole-number";

const id = recordId("must be a change request id");

/**
 * The "file a change" form: local date-times become ISO strings, then the very schema of
 * POST /api/v1/changes validates, so the form and the API share every rule.
 */
export const fileChangeFormSchema = z
  .object({
    title: z.string().optional(),
    service: z.string().optional(),
    type: z.string().optional(),
    risk: z.string().optional(),
    plannedStart: localDateTimeSchema,
    plannedEnd: localDateTimeSchema,
    description: z.string().optional(),
    rollbackPlan: z.string().optional(),
    template: z.string().optional(),
    timeZone: timeZoneFieldSchema,
    intent: z.enum(["draft", "submit"]).default("submit"),
  })
  .transform((f): { intent: "draft" | "submit"; change: unknown } => ({
    intent: f.intent,
    change: {
      title: f.title,
      service: f.service,
      type: f.type || undefined,
      risk: f.risk || undefined,
      plannedStart: isoIn(f.plannedStart, f.timeZone),
      plannedEnd: isoIn(f.plannedEnd, f.timeZone),
      description: f.description || undefined,
      rollbackPlan: f.rollbackPlan || undefined,
      // The form's select sends a template's id; the API also takes its title.
      template: f.template ? (/^\d+$/.test(f.template) ? Number(f.template) : f.template) : undefined,
    },
  }))
  .pipe(z.object({ intent: z.enum(["draft", "submit"]), change: z.unknown().pipe(changeCreateSchema) }));

export const decisionSchema = z.object({
  changeId: id,
  decision: z.enum(["approved", "rejected"], { error: "must be approve or reject" }),
  comment: requiredText(2000),
});

export const changeIdSchema = z.object({ changeId: id });

export const freezeFormSchema = z
  .object({
    name: singleLineName(100),
    service: text().trim().max(64).default(""),
    startsAt: requiredLocalDateTimeSchema,
    endsAt: requiredLocalDateTimeSchema,
    reason: text().max(2000).default(""),
    timeZone: timeZoneFieldSchema,
  })
  .transform((f, ctx) => {
    const startsAt = instantIn(f.startsAt, f.timeZone);
    const endsAt = instantIn(f.endsAt, f.timeZone);
    if (endsAt <= startsAt) ctx.addIssue({ code: "custom", path: ["endsAt"], message: "must be after the start" });
    return { name: f.name, service: f.service || null, startsAt, endsAt, reason: f.reason || null };
  });

export const freezeIdSchema = z.object({ id: recordId() });

export const outcomeSchema = z.object({ changeId: id, outcome: z.enum(["implemented", "failed"]) });
