import { and, desc, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { integrations, webhookDeliveries, webhookReceipts, type Integration, type WebhookDelivery } from "../schema";

export function insertIntegration(db: DbOrTx, values: typeof integrations.$inferInsert): Integration {
  return db.insert(integrations).values(values).returning().get();
}

export function findIntegration(db: DbOrTx, id: number): Integration | undefined {
  return db.select().from(integrations).where(eq(integrations.id, id)).get();
}

export function listActiveIntegrations(db: DbOrTx, source: string): Integration[] {
  return db
    .select()
    .from(integrations)
    .where(and(eq(integrations.source, source as Integration["source"]), isNull(integrations.disabledAt)))
    .all();
}

export function listIntegrations(db: DbOrTx): Integration[] {
  return db.select().from(integrations).orderBy(integrations.source, integrations.name).all();
}

export function updateIntegration(db: DbOrTx, id: number, values: Partial<Pick<Integration, "config" | "disabledAt" | "name">>): Integration {
  return db.update(integrations).set(values).where(eq(integrations.id, id)).returning().get();
}

/** Claims a delivery id for an integration; false when it was claimed before (a redelivery). */
export function claimDelivery(db: DbOrTx, integrationId: number, deliveryId: string): boolean {
  const row = db.insert(webhookReceipts).values({ integrationId, deliveryId, receivedAt: new Date() }).onConflictDoNothing().returning().get();
  return row !== undefined;
}

export function logDelivery(db: DbOrTx, values: Omit<typeof webhookDeliveries.$inferInsert, "id">): void {
  db.insert(webhookDeliveries).values(values).run();
}

export function listDeliveries(db: DbOrTx, integrationId: number, limit = 50): WebhookDelivery[] {
  return db
    .select()
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.integrationId, integrationId))
    .orderBy(desc(webhookDeliveries.receivedAt), desc(webhookDeliveries.id))
    .limit(limit)
    .all();
}
