"use server";

import { getTranslations } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { setDeploymentFlag } from "@/lib/ingest/flags";
import { recordDeployments } from "@/lib/ingest/deployments";
import { flagFormSchema, recordDeploymentFormSchema } from "@/lib/ingest/forms";
import { authorizedAction } from "./authorized-action";

export const recordDeploymentAction = authorizedAction({ schema: recordDeploymentFormSchema, permission: "record", doing: "record deployments", labels: { sha: "Commit sha", changeRequest: "Change request id" } }, async (input, { user, db }) => {
  const [result] = await recordDeployments(db, user, "ui", [input], false);
  revalidatePath("/", "layout");
  redirect(`/deployments/${result!.deployment.id}`);
});

export const flagDeploymentAction = authorizedAction({ schema: flagFormSchema, permission: "record", doing: "mark deployments" }, async ({ deploymentId, flag, value }, { user, db }) => {
  await setDeploymentFlag(db, user, deploymentId, flag, value);
  revalidatePath(`/deployments/${deploymentId}`);
  return { message: (await getTranslations("Deployments.flags"))("saved") };
});
