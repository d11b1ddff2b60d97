import { z } from "zod";
import { oneOf, slugSchema, text, timestampSchema } from "@/lib/validation";
import { jsonRecordId } from "@/lib/whole-number";

/* Change requests. */

const CHANGE_TYPE_VALUES = ["standard", "normal", "emergency"] as const;
const CHANGE_RISK_VALUES = ["low", "medium", "high"] as const;

const changeFields = z.object({
  title: text().trim().min(1, "is required").max(200, "must be at most 200 characters"),
  service: slugSchema,
  description: text().max(20_000, "must be at most 20000 characters").optional(),
  rollbackPlan: text().max(20_000, "must be at most 20000 characters").optional(),
  type: oneOf(CHANGE_TYPE_VALUES),
  risk: oneOf(CHANGE_RISK_VALUES),
  plannedStart: timestampSchema.optional(),
  plannedEnd: timestampSchema.optional(),
  /** The standard change catalog's entry a standard change is filed from: its id, or its title. */
  template: z
    .union([jsonRecordId(), text().trim().min(1).max(200)], { error: "must be a template's id (number) or title (string)" })
    .optional()
    .describe("Standard changes only, and required for them: the standard change catalog's template (its id or title) the change follows. It is approved on submission only within the template's service or team and risk."),
});

function changeRules(c: z.output<typeof changeFields>, ctx: z.RefinementCtx) {
  if (c.type === "normal") {
    if (!c.plannedStart) ctx.addIssue({ code: "custom", path: ["plannedStart"], message: "is required for normal changes" });
    if (!c.plannedEnd) ctx.addIssue({ code: "custom", path: ["plannedEnd"], message: "is required for normal changes" });
  }
  if (c.type === "standard" && c.template === undefined) ctx.addIssue({ code: "custom", path: ["template"], message: "is required for a standard change: name a template of the standard change catalog, or file a normal change" });
  if (c.type !== "standard" && c.template !== undefined) ctx.addIssue({ code: "custom", path: ["template"], message: "is only for standard changes" });
  if (c.plannedStart && c.plannedEnd && c.plannedEnd <= c.plannedStart) ctx.addIssue({ code: "custom", path: ["plannedEnd"], message: "must be after plannedStart" });
}

/** A change request as a person files it (the form); the person is its requester. */
export const changeCreateSchema = changeFields.superRefine(changeRules);
export type ChangeCreate = z.output<typeof changeCreateSchema>;

/**
 * POST /api/v1/changes: the same, and `requester`, the email of the person the machine files for (see
 * CONTRACT.md, "Change requests filed by machines").
 */
export const changeApiSchema = changeFields
  .extend({
    requester: text()
      .trim()
      .toLowerCase()
      .max(320, "must be at most 320 characters")
      .pipe(z.email({ error: "must be an email address" }))
      .optional(),
  })
  .superRefine(changeRules);
export type ChangeApiCreate = z.output<typeof changeApiSchema>;
