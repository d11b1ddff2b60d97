import { z } from "zod";
import { isoIn, localDateTimeSchema, timeZoneFieldSchema } from "@/lib/validation";
import { deploymentInputSchema } from "./schema";
import { DEPLOYMENT_FLAGS } from "./flags";
import { recordId } from "@/lib/whole-number";

/** "Record a deployment" by hand: local times become ISO, then the API's own schema decides. */
export const recordDeploymentFormSchema = z
  .object({
    service: z.string().optional(),
    environment: z.string().optional(),
    version: z.string().optional(),
    sha: z.string().optional(),
    status: z.string().optional(),
    startedAt: localDateTimeSchema,
    finishedAt: localDateTimeSchema,
    changeRequest: z.string().optional(),
    unplanned: z.string().optional(),
    deployedBy: z.string().optional(),
    timeZone: timeZoneFieldSchema,
  })
  .transform(
    (f): unknown => ({
      service: f.service,
      environment: f.environment || undefined,
      version: f.version || undefined,
      sha: f.sha || undefined,
      status: f.status || undefined,
      startedAt: isoIn(f.startedAt, f.timeZone),
      finishedAt: isoIn(f.finishedAt, f.timeZone),
      changeRequest: f.changeRequest ? Number(f.changeRequest) : undefined,
      unplanned: f.unplanned === "on",
      deployedBy: f.deployedBy || undefined,
    }),
  )
  .pipe(deploymentInputSchema);

export const flagFormSchema = z.object({
  deploymentId: recordId(),
  flag: z.enum(DEPLOYMENT_FLAGS),
  value: z.enum(["true", "false"]).transform((v) => v === "true"),
});
