"use server";

import { getTranslations } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { setCausingDeployment } from "@/lib/incidents/record";
import { authorizedAction } from "./authorized-action";
import { recordId } from "@/lib/whole-number";

const causeSchema = z.object({
  incidentId: recordId(),
  deploymentId: z.union([z.literal("").transform(() => null), recordId()]),
});

export const confirmCause = authorizedAction({ schema: causeSchema, permission: "record", doing: "link incidents to deployments" }, async ({ incidentId, deploymentId }, { user, db }) => {
  await setCausingDeployment(db, user, incidentId, deploymentId);
  revalidatePath(`/incidents/${incidentId}`);
  const t = await getTranslations();
  return { message: deploymentId ? t("IncidentActions.causeLinked", { id: String(deploymentId) }) : t("IncidentActions.causeCleared") };
});
