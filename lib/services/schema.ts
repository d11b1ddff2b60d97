import { z } from "zod";
import { CHANGE_REUSE } from "@/db/schema";
import { ONE_LINE } from "@/lib/single-line";
import { environmentSchema, oneOf, slugSchema, text } from "@/lib/validation";

const optional = (max: number) =>
  text()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .optional();

/**
 * One schema for PUT /api/v1/services/{slug} and the service page's edit form. Every field is
 * optional; an empty string clears team, description or repository.
 */
export const serviceFieldsSchema = z.object({
  name: text().trim().max(100, "must be at most 100 characters").min(1, "must not be empty").regex(...ONE_LINE).optional(),
  team: z
    .union([z.literal(""), slugSchema], { error: "must be a slug: lower-case letters, digits and dashes" })
    .optional(),
  description: optional(2000),
  repository: z
    .union([z.literal(""), z.url({ protocol: /^https?$/, error: "must be an http(s) URL" })], { error: "must be an http(s) URL" })
    .optional(),
});
export type ServiceFields = z.infer<typeof serviceFieldsSchema>;

export const MAX_TOLERANCE_MINUTES = 1440;
const environments = z.array(environmentSchema, { error: "must be a list of environments" }).max(20, "must list at most 20 environments").transform((list) => [...new Set(list)].sort());
const tolerance = z
  .number({ error: "must be a number of minutes" })
  .int("must be a whole number of minutes")
  .min(0, "must not be negative")
  .max(MAX_TOLERANCE_MINUTES, `must be at most ${MAX_TOLERANCE_MINUTES} minutes`);

/**
 * Deployment gating (lib/changes/gate.ts), which only admins set: the environments whose deployments must
 * name an approved change, the minutes a deployment may stray outside its normal change's window, and
 * whether a change authorises one deployment or every one until it is closed.
 */
export const servicePolicySchema = z.object({
  requireChange: environments.optional(),
  changeToleranceMinutes: tolerance.optional(),
  changeReuse: oneOf(CHANGE_REUSE).optional(),
});
export type ServicePolicyFields = z.output<typeof servicePolicySchema>;
export const POLICY_FIELDS = Object.keys(servicePolicySchema.shape) as (keyof ServicePolicyFields)[];

export const serviceApiSchema = serviceFieldsSchema.extend(servicePolicySchema.shape).strict();

/** The service page's form: the same fields, the environments typed as a comma-separated list. */
export const serviceFormSchema = serviceFieldsSchema.extend({
  slug: slugSchema,
  requireChange: z
    .string({ error: "must be text" })
    .optional()
    .transform((v) => (v ?? "").split(",").map((e) => e.trim()).filter(Boolean))
    .pipe(environments),
  changeToleranceMinutes: z
    .string({ error: "must be a number of minutes" })
    .optional()
    .transform((v) => (v?.trim() ? Number(v) : 0))
    .pipe(tolerance),
  changeReuse: oneOf(CHANGE_REUSE).optional(),
});
