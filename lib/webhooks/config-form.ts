import { z } from "zod";
import { integrationConfigSchema } from "./integration-schema";
import type { IntegrationConfig } from "./types";
import { recordId } from "@/lib/whole-number";

/** "left = right" per line → record; blank lines ignored. */
function pairs(text: string): Record<string, string> | string {
  // A Map, then own properties: "constructor = web" is a name like any other.
  const out = new Map<string, string>();
  for (const [i, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.trim();
    if (!line) continue;
    const at = line.indexOf("=");
    if (at <= 0) return `line ${i + 1} must look like "name = value"`;
    out.set(line.slice(0, at).trim(), line.slice(at + 1).trim());
  }
  return Object.fromEntries(out);
}

const pairsField = z.string().default("").transform((v, ctx) => {
  const result = pairs(v);
  if (typeof result === "string") {
    ctx.addIssue({ code: "custom", message: result });
    return z.NEVER;
  }
  return result;
});

/** The integration settings form: maps as "name = value" lines, workflows one per line. */
export const integrationConfigFormSchema = z
  .object({
    id: recordId(),
    serviceMap: pairsField,
    environmentMap: pairsField,
    severityMap: pairsField,
    alertMatchers: pairsField,
    deploymentWorkflows: z.string().default(""),
    pipelinesAsDeployments: z.string().optional(),
    severityLabel: z.string().default("severity"),
  })
  .transform((f, ctx) => {
    const parsed = integrationConfigSchema.safeParse({
      serviceMap: f.serviceMap,
      environmentMap: f.environmentMap,
      severityMap: f.severityMap,
      alertMatchers: f.alertMatchers,
      deploymentWorkflows: f.deploymentWorkflows.split(/\r?\n/).map((l) => l.trim()).filter(Boolean),
      pipelinesAsDeployments: f.pipelinesAsDeployments === "on",
      severityLabel: f.severityLabel.trim() || "severity",
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", path: [String(issue.path[0])], message: `${issue.path.slice(1).join(".") || "value"}: ${issue.message}` });
      return z.NEVER;
    }
    return { id: f.id, config: parsed.data };
  });

/** The form's text for an existing configuration. */
export function configToForm(c: IntegrationConfig) {
  const lines = (r: Record<string, string>) => Object.entries(r).map(([k, v]) => `${k} = ${v}`).join("\n");
  return {
    serviceMap: lines(c.serviceMap),
    environmentMap: lines(c.environmentMap),
    severityMap: lines(c.severityMap),
    alertMatchers: lines(c.alertMatchers),
    deploymentWorkflows: c.deploymentWorkflows.join("\n"),
    pipelinesAsDeployments: c.pipelinesAsDeployments,
    severityLabel: c.severityLabel,
  };
}
