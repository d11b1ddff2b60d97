import { randomBytes } from "node:crypto";
import type { Database } from "@/db/database";
import type { Integration } from "@/db/schema";
import { recordAudit } from "@/db/queries/audit";
import { insertIntegration } from "@/db/queries/integrations";
import { getOrCreateSecret } from "@/db/queries/settings";
import type { Actor } from "@/lib/auth/actor";
import { deriveKey, open, seal } from "@/lib/crypto/secret-box";
import { integrationConfigSchema } from "./integration-schema";
import { DEFAULT_CONFIG, type IntegrationConfig, type WebhookSource } from "./types";

/** The key integration secrets are sealed with. */
export async function integrationKey(db: Database, configuredSecret: string | undefined): Promise<Buffer> {
  return deriveKey(await getOrCreateSecret(db, configuredSecret), "integration-secrets");
}

/** The URL path a tool posts to: each integration has its own. */
export function webhookPath(integration: Pick<Integration, "id" | "source">): string {
  return `/api/v1/webhooks/${integration.source}/${integration.id}`;
}

export function integrationSecret(integration: Integration, key: Buffer): string {
  return open(integration.secretSealed, key);
}

export function integrationConfig(integration: Integration): IntegrationConfig {
  const parsed = integrationConfigSchema.safeParse(integration.config);
  return parsed.success ? parsed.data : DEFAULT_CONFIG;
}

/** Creates an integration; returns its secret (generated unless given), shown to the admin once. */
export function createIntegration(db: Database, actor: Actor, key: Buffer, input: { source: WebhookSource; name: string; secret?: string }) {
  const secret = input.secret ?? randomBytes(24).toString("base64url");
  return db.transaction(async (tx) => {
    const integration = await insertIntegration(tx, {
      source: input.source,
      name: input.name,
      secretSealed: seal(secret, key),
      config: { ...DEFAULT_CONFIG },
      createdBy: actor.type === "user" ? actor.id : null,
      createdAt: new Date(),
    });
    const { secretSealed: _sealed, ...visible } = integration;
    await recordAudit(tx, actor, { action: "integration.create", entityType: "integration", entityId: integration.id, after: visible });
    return { integration, secret, path: webhookPath(integration) };
  });
}
