import { and, desc, eq, isNull } from "drizzle-orm";
import type { Queryable } from "../database";
import { integrations, webhookDeliveries, webhookReceipts, type Integration, type WebhookDelivery } from "../schema";

export async function insertIntegration(q: Queryable, values: typeof integrations.$inferInsert): Promise<Integration> {
  return (await q.insert(integrations).values(values).returning())[0]!;
}

export async function findIntegration(q: Queryable, id: number): Promise<Integration | undefined> {
  return (await q.select().from(integrations).where(eq(integrations.id, id)).limit(1))[0];
}

export async function listActiveIntegrations(q: Queryable, source: string): Promise<Integration[]> {
  return q
    .select()
    .from(integrations)
    .where(and(eq(integrations.source, source as Integration["source"]), isNull(integrations.disabledAt)));
}

export async function listIntegrations(q: Queryable): Promise<Integration[]> {
  return q.select().from(integrations).orderBy(integrations.source, integrations.name);
}

export async function updateIntegration(q: Queryable, id: number, values: Partial<Pick<Integration, "config" | "disabledAt" | "name" | "credentialSealed">>): Promise<Integration> {
  return (await q.update(integrations).set(values).where(eq(integrations.id, id)).returning())[0]!;
}

/** Claims a delivery id for an integration; false when it was claimed before (a redelivery). */
export async function claimDelivery(q: Queryable, integrationId: number, deliveryId: string): Promise<boolean> {
  const rows = await q.insert(webhookReceipts).values({ integrationId, deliveryId, receivedAt: new Date() }).onConflictDoNothing().returning();
  return rows.length > 0;
}

export async function logDelivery(q: Queryable, values: Omit<typeof webhookDeliveries.$inferInsert, "id">): Promise<void> {
  await q.insert(webhookDeliveries).values(values);
}

export async function listDeliveries(q: Queryable, integrationId: number, limit = 50): Promise<WebhookDelivery[]> {
  return q
    .select()
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.integrationId, integrationId))
    .orderBy(desc(webhookDeliveries.receivedAt), desc(webhookDeliveries.id))
    .limit(limit);
}
