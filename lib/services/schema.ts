import { z } from "zod";
import { slugSchema } from "@/lib/validation";

const optional = (max: number) =>
  z
    .string({ error: "must be text" })
    .trim()
    .max(max, `must be at most ${max} characters`)
    .optional();

/**
 * One schema for PUT /api/v1/services/{slug} and the service page's edit form. Every field is
 * optional; an empty string clears team, description or repository.
 */
export const serviceFieldsSchema = z.object({
  name: optional(100).refine((v) => v === undefined || v.length > 0, "must not be empty"),
  team: z
    .union([z.literal(""), slugSchema], { error: "must be a slug: lower-case letters, digits and dashes" })
    .optional(),
  description: optional(2000),
  repository: z
    .union([z.literal(""), z.url({ protocol: /^https?$/, error: "must be an http(s) URL" })], { error: "must be an http(s) URL" })
    .optional(),
});
export type ServiceFields = z.infer<typeof serviceFieldsSchema>;

/** The service page's form adds deployment gating, which the API leaves to admins in the app. */
export const serviceFormSchema = serviceFieldsSchema.extend({
  slug: slugSchema,
  requireApprovedChange: z
    .string()
    .optional()
    .transform((v) => v === "on"),
});
