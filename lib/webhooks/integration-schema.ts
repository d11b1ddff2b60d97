import { z } from "zod";
import { INTEGRATION_SOURCES } from "@/db/schema";
import { mapSchema, oneOf, requiredText, slugSchema, text } from "@/lib/validation";

export const sourceSchema = oneOf(INTEGRATION_SOURCES);

/** One schema for Settings' form and `tandem integration add`. */
export const newIntegrationSchema = z.object({
  source: sourceSchema,
  name: requiredText(100),
  secret: text().min(16, "must be at least 16 characters").max(200, "must be at most 200 characters").optional(),
});

const SEVERITY = z.enum(["SEV1", "SEV2", "SEV3", "SEV4"], { error: "must be SEV1, SEV2, SEV3 or SEV4" });

/** The mapping an admin edits per integration (see IntegrationConfig). */
export const integrationConfigSchema = z.object({
  serviceMap: mapSchema(text().min(1).max(200), slugSchema).default({}),
  environmentMap: mapSchema(text().min(1).max(200), text().trim().toLowerCase().min(1).max(64)).default({}),
  deploymentWorkflows: z.array(text().trim().min(1).max(200)).max(50).default([]),
  pipelinesAsDeployments: z.boolean().default(false),
  severityMap: mapSchema(text().min(1).max(100), SEVERITY).default({}),
  alertMatchers: mapSchema(text().min(1).max(100), text().max(200)).default({}),
  severityLabel: text().trim().min(1).max(100).default("severity"),
});
