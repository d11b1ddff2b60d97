import { z } from "zod";
import { externalIdSchema } from "@/lib/ingest/schema";
import { emailSchema, oneOf, referenceSchema, slugSchema, text, timestampSchema } from "@/lib/validation";

/* Incidents: POST creates (or replays by externalId), PATCH changes some fields. */

const SEVERITY_VALUES = ["SEV1", "SEV2", "SEV3", "SEV4"] as const;
const INCIDENT_STATUS_VALUES = ["investigating", "identified", "monitoring", "resolved"] as const;

const incidentFields = {
  title: text().trim().min(1, "is required").max(200, "must be at most 200 characters"),
  service: slugSchema,
  severity: oneOf(SEVERITY_VALUES),
  status: oneOf(INCIDENT_STATUS_VALUES),
  startedAt: timestampSchema,
  acknowledgedAt: timestampSchema.nullable(),
  resolvedAt: timestampSchema.nullable(),
  causedBy: referenceSchema.nullable(),
  summary: text().max(50_000, "must be at most 50000 characters").nullable(),
  externalId: externalIdSchema,
  /** The email of the person in the communications role; null clears it. */
  communications: emailSchema.nullable(),
};

/** `status` has no default here: a replay without it must keep the incident's status; new ones start investigating. */
export const incidentCreateSchema = z.object({
  ...incidentFields,
  status: incidentFields.status.optional(),
  acknowledgedAt: incidentFields.acknowledgedAt.optional(),
  resolvedAt: incidentFields.resolvedAt.optional(),
  causedBy: incidentFields.causedBy.optional(),
  summary: incidentFields.summary.optional(),
  externalId: incidentFields.externalId.optional(),
  communications: incidentFields.communications.optional(),
});
export type IncidentCreate = z.output<typeof incidentCreateSchema>;

export const incidentPatchSchema = z
  .object({
    title: incidentFields.title,
    /** Moves the incident to another service (created if Tandem has not seen it, as on POST). */
    service: incidentFields.service,
    severity: incidentFields.severity,
    status: incidentFields.status,
    startedAt: incidentFields.startedAt,
    acknowledgedAt: incidentFields.acknowledgedAt,
    resolvedAt: incidentFields.resolvedAt,
    causedBy: incidentFields.causedBy,
    summary: incidentFields.summary,
    communications: incidentFields.communications,
  })
  .partial()
  .refine((p) => Object.keys(p).length > 0, "send at least one field to change");
export type IncidentPatch = z.output<typeof incidentPatchSchema>;
