import { z } from "zod";
import { incidentCreateSchema } from "@/lib/incidents/schema";
import { emailSchema, localDateTime, oneOf, requiredText, text } from "@/lib/validation";

const STATUSES = ["investigating", "identified", "monitoring", "resolved"] as const;
const id = z.coerce.number({ error: "must be an incident id" }).int().positive("must be an incident id");
const offset = z.coerce.number().int().min(-900).max(900).default(0);

/** A datetime-local field (blank allowed when `optional`), read in the form's time zone. */
const localTime = (optional: boolean) =>
  z.string().default("").transform((v, ctx) => {
    if (!v.trim()) {
      if (!optional) ctx.addIssue({ code: "custom", message: "is required" });
      return null;
    }
    return v;
  });

function withTimes<T extends { tzOffset: number }, K extends keyof T & string>(fields: K[]) {
  return (value: T, ctx: z.RefinementCtx): Omit<T, K> & Record<K, Date | null> => {
    const out: Record<string, Date | null> = {};
    for (const f of fields) {
      const raw = value[f] as string | null;
      if (raw === null) {
        out[f] = null;
        continue;
      }
      const at = localDateTime(raw, value.tzOffset);
      if (!at) ctx.addIssue({ code: "custom", path: [f], message: "must be a date and time" });
      out[f] = at;
    }
    return { ...value, ...(out as Record<K, Date | null>) };
  };
}

/**
 * "Declare incident": only title, service and severity are needed; the start defaults to now. The
 * values are handed to the very schema of POST /api/v1/incidents, so the form and the API share every rule.
 */
export const declareIncidentSchema = z
  .object({
    title: z.string().optional(),
    service: z.string().optional(),
    severity: z.string().optional(),
    startedAt: z.string().optional(),
    tzOffset: offset,
    summary: z.string().optional(),
    communications: z.string().optional(),
  })
  .transform((f): unknown => ({
    title: f.title,
    service: f.service,
    severity: f.severity || undefined,
    startedAt: f.startedAt?.trim() ? (localDateTime(f.startedAt, f.tzOffset)?.toISOString() ?? f.startedAt) : new Date().toISOString(),
    summary: f.summary || undefined,
    communications: f.communications || undefined,
  }))
  .pipe(incidentCreateSchema);

/** The declare form adds who leads the response (the service team's on-call person is suggested); blank: nobody yet. */
export const declareFormSchema = z.object({ leadId: text().trim().max(100).default("").transform((v) => v || null) }).and(declareIncidentSchema);

export const moveIncidentSchema = z.object({ incidentId: id, status: oneOf(STATUSES), note: text().trim().max(10_000).optional() });
export const noteSchema = z.object({ incidentId: id, body: requiredText(10_000) });
export const acknowledgeSchema = z.object({ incidentId: id });
export const leadSchema = z.object({ incidentId: id, leadId: text().max(100).transform((v) => v || null) });
/** The communications role, chosen by email as the API names people; empty clears it. */
export const communicationsSchema = z.object({ incidentId: id, communications: z.preprocess((v) => v || null, emailSchema.nullable()) });
export const postmortemSchema = z.object({ incidentId: id, postmortem: text().max(100_000, "must be at most 100000 characters") });

export const correctTimesSchema = z
  .object({ incidentId: id, startedAt: localTime(false), acknowledgedAt: localTime(true), resolvedAt: localTime(true), tzOffset: offset })
  .transform(withTimes(["startedAt", "acknowledgedAt", "resolvedAt"]));
