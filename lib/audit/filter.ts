import { z } from "zod";
import { text } from "@/lib/validation";

const optional = text()
  .trim()
  .max(100)
  .transform((v) => v || undefined)
  .optional();
const day = z
  .string()
  .trim()
  .transform((v, ctx) => {
    if (!v) return undefined;
    const ms = Date.parse(`${v}T00:00:00Z`);
    if (!/^\d{4}-\d\d-\d\d$/.test(v) || Number.isNaN(ms)) {
      ctx.addIssue({ code: "custom", message: "must be a date" });
      return z.NEVER;
    }
    return new Date(ms);
  })
  .optional();

/** The audit page's filters (URL search params); `to` is an inclusive UTC day. */
export const auditFilterSchema = z
  .object({ actor: optional, entity: optional, action: optional, from: day, to: day })
  .transform((f) => ({ actor: f.actor, entityType: f.entity, action: f.action, from: f.from, to: f.to ? new Date(f.to.getTime() + 86_400_000) : undefined }));
