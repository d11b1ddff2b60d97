import { z } from "zod";
import { incidentCreateSchema } from "@/lib/incidents/schema";
import { instantIn } from "@/lib/time-zone";
import { emailSchema, isoIn, localDateTimeSchema, oneOf, requiredLocalDateTimeSchema, requiredText, text, timeZoneFieldSchema } from "@/lib/validation";
import { recordId } from "@/lib/whole-number";

const STATUSES = ["investigating", "identified", "monitoring", "resolved"] as const;
const id = recordId("must be an incident id");

/**
 * "Declare incident": only title, service and severity are needed; the start defaults to now. The
 * values are handed to the very schema of POST /api/v1/incidents, so the form and the API share every rule.
 */
export const declareIncidentSchema = z
  .object({
    title: z.string().optional(),
    service: z.string().optional(),
    severity: z.string().optional(),
    startedAt: localDateTimeSchema,
    timeZone: timeZoneFieldSchema,
    summary: z.string().optional(),
    communications: z.string().optional(),
  })
  .transform((f): unknown => ({
    title: f.title,
    service: f.service,
    severity: f.severity || undefined,
    startedAt: isoIn(f.startedAt, f.timeZone) ?? new Date().toISOString(),
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
/** A postmortem of nothing but blanks is none: saved as empty (cleared), not logged as "postmortem written". */
export const postmortemSchema = z.object({ incidentId: id, postmortem: text().trim().max(100_000, "must be at most 100000 characters") });

export const correctTimesSchema = z
  .object({ incidentId: id, startedAt: requiredLocalDateTimeSchema, acknowledgedAt: localDateTimeSchema, resolvedAt: localDateTimeSchema, timeZone: timeZoneFieldSchema })
  .transform(({ incidentId, startedAt, acknowledgedAt, resolvedAt, timeZone }) => {
    const at = (wallClock: typeof acknowledgedAt) => wallClock && instantIn(wallClock, timeZone);
    return { incidentId, startedAt: instantIn(startedAt, timeZone), acknowledgedAt: at(acknowledgedAt), resolvedAt: at(resolvedAt) };
  });
