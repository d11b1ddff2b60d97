import { z } from "zod";
import { requiredText, slugSchema } from "@/lib/validation";

/** One schema for `tandem wall-link create` and the Settings form. */
export const newWallLinkSchema = z.object({
  name: requiredText(100),
  team: z.union([z.literal("").transform(() => undefined), slugSchema]).optional(),
  expires: z
    .union([z.literal("").transform(() => undefined), z.iso.datetime({ offset: true, error: "must be an ISO-8601 timestamp, e.g. 2027-01-31T00:00:00Z" })])
    .optional()
    .transform((v, ctx) => {
      if (!v) return undefined;
      const at = new Date(v);
      if (at <= new Date()) {
        ctx.addIssue({ code: "custom", message: "must be in the future" });
        return z.NEVER;
      }
      return at;
    }),
});
