"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { findIntegration, updateIntegration } from "@/db/queries/integrations";
import { recordAudit } from "@/db/queries/audit";
import { getConfig } from "@/lib/config/config";
import { notFound } from "@/lib/errors";
import { integrationConfigFormSchema } from "@/lib/webhooks/config-form";
import { newIntegrationSchema } from "@/lib/webhooks/integration-schema";
import { createIntegration, integrationKey } from "@/lib/webhooks/integrations";
import { authorizedAction } from "./authorized-action";

export const addIntegration = authorizedAction(
  { schema: newIntegrationSchema.extend({ secret: newIntegrationSchema.shape.secret.or(z.literal("").transform(() => undefined)) }), permission: "manage", doing: "create integrations", labels: { name: "Integration name" } },
  async (input, { user, db }) => {
    const key = await integrationKey(db, getConfig().secret);
    const { integration, secret, path } = await createIntegration(db, user, key, input);
    revalidatePath("/settings");
    return { message: `Created ${integration.source} integration "${integration.name}". Copy its secret now: it will not be shown again.`, data: { secret, path, source: integration.source } };
  },
);

export const saveIntegrationConfig = authorizedAction(
  { schema: integrationConfigFormSchema, permission: "manage", doing: "change integrations" },
  async ({ id, config }, { user, db }) => {
    const before = await findIntegration(db.read, id);
    if (!before) throw notFound("The integration");
    await db.transaction(async (tx) => {
      await updateIntegration(tx, id, { config });
      await recordAudit(tx, user, { action: "integration.configure", entityType: "integration", entityId: id, before: before.config, after: config });
    });
    revalidatePath(`/settings/integrations/${id}`);
    return { message: "Saved. New deliveries use these mappings." };
  },
);

export const setIntegrationEnabled = authorizedAction(
  { schema: z.object({ id: z.coerce.number().int().positive(), enabled: z.enum(["true", "false"]).transform((v) => v === "true") }), permission: "manage", doing: "enable or disable integrations" },
  async ({ id, enabled }, { user, db }) => {
    const before = await findIntegration(db.read, id);
    if (!before) throw notFound("The integration");
    await db.transaction(async (tx) => {
      await updateIntegration(tx, id, { disabledAt: enabled ? null : new Date() });
      await recordAudit(tx, user, { action: enabled ? "integration.enable" : "integration.disable", entityType: "integration", entityId: id });
    });
    revalidatePath("/settings");
    revalidatePath(`/settings/integrations/${id}`);
    return { message: enabled ? "Enabled: deliveries are accepted again." : "Disabled: deliveries are refused with 401." };
  },
);
