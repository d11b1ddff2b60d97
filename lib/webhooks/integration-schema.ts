import { z } from "zod";
import { INTEGRATION_SOURCES } from "@/db/schema";
import { singleLineName } from "@/lib/single-line";
import { mapSchema, oneOf, slugSchema, text } from "@/lib/validation";
import { recordId } from "@/lib/whole-number";

export const sourceSchema = oneOf(INTEGRATION_SOURCES);

/** One schema for Settings' form and `tandem integration add`. */
export const newIntegrationSchema = z.object({
  source: sourceSchema,
  name: singleLineName(100),
  secret: text().min(16, "must be at least 16 characters").max(200, "must be at most 200 characters").optional(),
});

/** An http(s) API root without a trailing slash, or empty for the tool's public API. */
export const apiBaseUrlSchema = text()
  .trim()
  .max(500, "must be at most 500 characters")
  .refine((v) => v === "" || /^https?:\/\/[^\s/]+(\/[^\s]*)?$/.test(v), "must be an http(s) URL such as https://github.example.com/api/v3")
  .transform(withoutTrailingSlashes);

function withoutTrailingSlashes(url: string): string {
  let end = url.length;
  while (end > 0 && url[end - 1] === "/") end--;
  return url.slice(0, end);
}

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
  appId: text().trim().regex(/^\d{0,20}$/, "must be the GitHub App's numeric id").default(""),
  apiBaseUrl: apiBaseUrlSchema.default(""),
});

/**
 * Settings' "Deployment gate" form of a GitHub or GitLab integration. The credential is write-only: empty
 * keeps the one stored (it is never shown back).
 */
export const integrationGateSchema = z.object({
  id: recordId(),
  appId: z.string().default(""),
  apiBaseUrl: z.string().default(""),
  credential: text().max(20_000, "must be at most 20,000 characters").default(""),
});
