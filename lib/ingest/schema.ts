import { z } from "zod";
import { DEPLOYMENT_STATUSES } from "@/db/schema";
import { environmentSchema, oneOf, referenceSchema, shaSchema, slugSchema, text, timestampSchema } from "@/lib/validation";
import { jsonRecordId } from "@/lib/whole-number";

const optionalText = (max: number) => text().trim().max(max, `must be at most ${max} characters`).optional();

export const commitInputSchema = z.object({
  sha: shaSchema,
  timestamp: timestampSchema,
  message: optionalText(2000),
  author: optionalText(200),
});

/**
 * An idempotency key (a deployment's or an incident's externalId, unique per source). A blank one would
 * be stored but never looked up, so a second blank post from the same source would collide with the first.
 */
export const externalIdSchema = text().trim().min(1, "must not be blank").max(200, "must be at most 200 characters");

const FINISHED = new Set(["success", "failure"]);

/** Where a deployment that names no environment goes when it is first recorded. */
export const DEFAULT_ENVIRONMENT = "production";

/** One schema for POST /api/v1/deployments, the webhooks that record deployments and the UI form. */
export const deploymentInputSchema = z
  .object({
    service: slugSchema,
    environment: environmentSchema.optional().describe(`Lower-cased. Omitted: "${DEFAULT_ENVIRONMENT}" for a new deployment; a replay (known externalId) keeps the stored environment.`),
    version: optionalText(200),
    sha: shaSchema.optional(),
    status: oneOf(DEPLOYMENT_STATUSES),
    startedAt: timestampSchema.optional(),
    finishedAt: timestampSchema.optional(),
    commits: z.array(commitInputSchema).max(1000, "must list at most 1000 commits").optional(),
    externalId: externalIdSchema.optional(),
    rollbackOf: referenceSchema.optional(),
    unplanned: z.boolean({ error: "must be true or false" }).optional(),
    changeFailed: z.boolean({ error: "must be true or false" }).optional(),
    changeRequest: jsonRecordId("must be a change request id").optional(),
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
