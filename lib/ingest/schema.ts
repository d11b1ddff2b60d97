import { z } from "zod";
import { DEPLOYMENT_STATUSES } from "@/db/schema";
import { oneOf, slugSchema, text } from "@/lib/validation";

/** ISO-8601 with any offset; always stored and returned in UTC. */
export const timestampSchema = z
  .iso.datetime({ offset: true, error: "must be an ISO-8601 timestamp with an offset, e.g. 2026-01-31T09:00:00Z" })
  .transform((v) => new Date(v));

export const shaSchema = text()
  .trim()
  .toLowerCase()
  .regex(/^[0-9a-f]{7,64}$/, "must be a commit sha (7 to 64 hex digits)");

const optionalText = (max: number) => text().trim().max(max, `must be at most ${max} characters`).optional();

/** A reference to another record: its Tandem id, or the externalId it was sent with. */
export const referenceSchema = z.union([z.number().int().positive(), text().trim().min(1).max(200)], {
  error: "must be an id (number) or an externalId (string)",
});

export const commitInputSchema = z.object({
  sha: shaSchema,
  timestamp: timestampSchema,
  message: optionalText(2000),
  author: optionalText(200),
});

const FINISHED = new Set(["success", "failure"]);

/** One schema for POST /api/v1/deployments, the webhooks that record deployments and the UI form. */
export const deploymentInputSchema = z
  .object({
    service: slugSchema,
    environment: text().trim().toLowerCase().min(1, "must not be empty").max(64, "must be at most 64 characters").default("production"),
    version: optionalText(200),
    sha: shaSchema.optional(),
    status: oneOf(DEPLOYMENT_STATUSES),
    startedAt: timestampSchema.optional(),
    finishedAt: timestampSchema.optional(),
    commits: z.array(commitInputSchema).max(1000, "must list at most 1000 commits").optional(),
    externalId: optionalText(200),
    rollbackOf: referenceSchema.optional(),
    unplanned: z.boolean({ error: "must be true or false" }).optional(),
    changeFailed: z.boolean({ error: "must be true or false" }).optional(),
    changeRequest: z.number({ error: "must be a change request id" }).int().positive().optional(),
    deployedBy: optionalText(200),
    url: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).max(2000).optional(),
  })
  .superRefine((d, ctx) => {
    if (FINISHED.has(d.status) && !d.finishedAt) ctx.addIssue({ code: "custom", path: ["finishedAt"], message: `is required when status is ${d.status}` });
    if (d.startedAt && d.finishedAt && d.finishedAt < d.startedAt) ctx.addIssue({ code: "custom", path: ["finishedAt"], message: "must not be before startedAt" });
  });
export type DeploymentInput = z.output<typeof deploymentInputSchema>;

export const MAX_BATCH = 1000;

const batchSchema = z.object({
  deployments: z.array(deploymentInputSchema).min(1, "must hold at least one deployment").max(MAX_BATCH, `must hold at most ${MAX_BATCH} deployments`),
});

/**
 * One deployment, or {"deployments": [...]} with up to 1,000 (all-or-nothing). Chosen by shape first,
 * so a bad field is named by its own path (deployments.3.finishedAt) rather than a vague union error.
 */
export const deploymentPostSchema = z.custom<unknown>().transform((body, ctx): { batch: boolean; items: DeploymentInput[] } => {
  const isBatch = typeof body === "object" && body !== null && !Array.isArray(body) && "deployments" in body;
  const parsed = isBatch ? batchSchema.safeParse(body) : deploymentInputSchema.safeParse(body);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
    return z.NEVER;
  }
  return { batch: isBatch, items: "deployments" in parsed.data ? parsed.data.deployments : [parsed.data] };
});
export type DeploymentPost = z.output<typeof deploymentPostSchema>;

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
  externalId: text().trim().min(1).max(200, "must be at most 200 characters"),
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
});
export type IncidentCreate = z.output<typeof incidentCreateSchema>;

export const incidentPatchSchema = z
  .object({
    title: incidentFields.title,
    severity: incidentFields.severity,
    status: incidentFields.status,
    startedAt: incidentFields.startedAt,
    acknowledgedAt: incidentFields.acknowledgedAt,
    resolvedAt: incidentFields.resolvedAt,
    causedBy: incidentFields.causedBy,
    summary: incidentFields.summary,
  })
  .partial()
  .refine((p) => Object.keys(p).length > 0, "send at least one field to change");
export type IncidentPatch = z.output<typeof incidentPatchSchema>;

/* Change requests. */

const CHANGE_TYPE_VALUES = ["standard", "normal", "emergency"] as const;
const CHANGE_RISK_VALUES = ["low", "medium", "high"] as const;

export const changeCreateSchema = z
  .object({
    title: text().trim().min(1, "is required").max(200, "must be at most 200 characters"),
    service: slugSchema,
    description: text().max(20_000, "must be at most 20000 characters").optional(),
    rollbackPlan: text().max(20_000, "must be at most 20000 characters").optional(),
    type: oneOf(CHANGE_TYPE_VALUES),
    risk: oneOf(CHANGE_RISK_VALUES),
    plannedStart: timestampSchema.optional(),
    plannedEnd: timestampSchema.optional(),
  })
  .superRefine((c, ctx) => {
    if (c.type === "normal") {
      if (!c.plannedStart) ctx.addIssue({ code: "custom", path: ["plannedStart"], message: "is required for normal changes" });
      if (!c.plannedEnd) ctx.addIssue({ code: "custom", path: ["plannedEnd"], message: "is required for normal changes" });
    }
    if (c.plannedStart && c.plannedEnd && c.plannedEnd <= c.plannedStart) ctx.addIssue({ code: "custom", path: ["plannedEnd"], message: "must be after plannedStart" });
  });
export type ChangeCreate = z.output<typeof changeCreateSchema>;
