"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { findIntegration, updateIntegration } from "@/db/queries/integrations";
import { recordAudit } from "@/db/queries/audit";
import { getConfig } from "@/lib/config/config";
import { invalid, notFound } from "@/lib/errors";
import { integrationConfigFormSchema } from "@/lib/webhooks/config-form";
import { integrationConfigSchema, integrationGateSchema, newIntegrationSchema } from "@/lib/webhooks/integration-schema";
import { createIntegration, integrationConfig, integrationKey } from "@/lib/webhooks/integrations";
import { setIntegrationCredential } from "@/lib/webhooks/protection";
import { authorizedAction } from "./authorized-action";
import { recordId } from "@/lib/whole-number";

export const addIntegration = authorizedAction(
  { schema: newIntegrationSchema.extend({ secret: newIntegrationSchema.shape.secret.or(z.literal("").transform(() => undefined)) }), permission: "manage", doing: "create integrations", labels: { name: "Integration name" } },
  async (input, { user, db }) => {
    const key = await integrationKey(db, getConfig().secret);
    const { integration, secret, path } = await createIntegration(db, user, key, input);
    revalidatePath("/settings");
    const t = await getTranslations("Integrations");
    return { message: t("created", { source: t(`sources.${integration.source}`), name: integration.name }), data: { secret, path, source: integration.source } };
  },
);

export const saveIntegrationConfig = authorizedAction(
  { schema: integrationConfigFormSchema, permission: "manage", doing: "change integrations" },
  async ({ id, config }, { user, db }) => {
    const before = await findIntegration(db.read, id);
    if (!before) throw notFound("integration");
    await db.transaction(async (tx) => {
      // The gate's App id and API URL are set by their own form; the mappings form leaves them as they are.
      const current = integrationConfig(before);
      await updateIntegration(tx, id, { config: { ...config, appId: current.appId, apiBaseUrl: current.apiBaseUrl } });
      await recordAudit(tx, user, { action: "integration.configure", entityType: "integration", entityId: id, before: before.config, after: config });
    });
    revalidatePath(`/settings/integrations/${id}`);
    return { message: (await getTranslations("Integrations"))("mappingsSaved") };
  },
);

export const setIntegrationEnabled = authorizedAction(
  { schema: z.object({ id: recordId(), enabled: z.enum(["true", "false"]).transform((v) => v === "true") }), permission: "manage", doing: "enable or disable integrations" },
  async ({ id, enabled }, { user, db }) => {
    const before = await findIntegration(db.read, id);
    if (!before) throw notFound("integration");
    await db.transaction(async (tx) => {
      await updateIntegration(tx, id, { disabledAt: enabled ? null : new Date() });
      await recordAudit(tx, user, { action: enabled ? "integration.enable" : "integration.disable", entityType: "integration", entityId: id });
    });
    revalidatePath("/settings");
    revalidatePath(`/settings/integrations/${id}`);
    const t = await getTranslations("Integrations");
    return { message: enabled ? t("enabled") : t("disabledNow") };
  },
);

export const saveIntegrationGate = authorizedAction(
  { schema: integrationGateSchema, permission: "manage", doing: "change integrations", labels: { appId: "GitHub App id", apiBaseUrl: "API base URL", credential: "Credential" } },
  async ({ id, appId, apiBaseUrl, credential }, { user, db }) => {
    const before = await findIntegration(db.read, id);
    if (!before) throw notFound("integration");
    if (before.source !== "github" && before.source !== "gitlab") throw invalid([{ path: ["id"], message: "only GitHub and GitLab integrations answer deployment gates" }]);
    const current = integrationConfig(before);
    const parsed = integrationConfigSchema.safeParse({ ...current, appId: before.source === "github" ? appId : "", apiBaseUrl });
    if (!parsed.success) throw invalid(parsed.error.issues);
    // The credential is checked before anything is written, so a bad key leaves the App id and URL as they were.
    if (credential.trim()) await setIntegrationCredential(db, user, await integrationKey(db, getConfig().secret), before, credential);
    await db.transaction(async (tx) => {
      await updateIntegration(tx, id, { config: parsed.data });
      await recordAudit(tx, user, { action: "integration.configure", entityType: "integration", entityId: id, before: before.config, after: parsed.data });
    });
    revalidatePath(`/settings/integrations/${id}`);
    const t = await getTranslations("Integrations");
    return { message: credential.trim() ? t("gateSavedWithCredential") : t("saved") };
  },
);
