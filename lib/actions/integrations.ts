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
  { schema: newIntegrationSchema.extend({ secret: newIntegrationSchema.shape.secret.or(z.literal("").transform(() => undefined)) }), permission: "manage", doing: "create integrations" },
  (input, { user, db }) => {
    const { integration, secret, path } = createIntegration(db, user, integrationKey(db, getConfig().secret), input);
    revalidatePath("/settings");
    return { message: `Created ${integration.source} integration "${integration.name}". Copy its secret now: it will not be shown again.`, data: { secret, path, source: integration.source } };
  },
);

export const saveIntegrationConfig = authorizedAction(
  { schema: integrationConfigFormSchema, permission: "manage", doing: "change integrations" },
  ({ id, config }, { user, db }) => {
    const before = findIntegration(db, id);
    if (!before) throw notFound("The integration");
    db.transaction((tx) => {
      updateIntegration(tx, id, { config });
      recordAudit(tx, user, { action: "integration.configure", entityType: "integration", entityId: id, before: before.config, after: config });
    });
    revalidatePath(`/settings/integrations/${id}`);
    return { message: "Saved. New deliveries use these mappings." };
  },
);

export const setIntegrationEnabled = authorizedAction(
  { schema: z.object({ id: z.coerce.number().int().positive(), enabled: z.enum(["true", "false"]).transform((v) => v === "true") }), permission: "manage", doing: "enable or disable integrations" },
  ({ id, enabled }, { user, db }) => {
    const before = findIntegration(db, id);
    if (!before) throw notFound("The integration");
    db.transaction((tx) => {
      updateIntegration(tx, id, { disabledAt: enabled ? null : new Date() });
      recordAudit(tx, user, { action: enabled ? "integration.enable" : "integration.disable", entityType: "integration", entityId: id });
    });
    revalidatePath("/settings");
    revalidatePath(`/settings/integrations/${id}`);
    return { message: enabled ? "Enabled: deliveries are accepted again." : "Disabled: deliveries are refused with 401." };
  },
);
