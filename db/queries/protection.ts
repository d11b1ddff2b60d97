import { and, asc, eq, isNull, lte, or } from "drizzle-orm";
import type { Queryable } from "../database";
import { protectionRequests, type ProtectionRequest } from "../schema";

/** Keeps a request; undefined when the tool sent it before (the row that exists goes on being answered). */
export async function insertProtectionRequest(q: Queryable, values: Omit<typeof protectionRequests.$inferInsert, "id">): Promise<ProtectionRequest | undefined> {
  return (await q.insert(protectionRequests).values(values).onConflictDoNothing().returning())[0];
}

/**
 * Leases up to `limit` waiting requests that are due, each by a conditional update, so two servers never
 * answer one request at the same time; a lease a crashed server left lapses at `leaseUntil`.
 */
export async function claimDueProtectionRequests(q: Queryable, now: Date, leaseMs: number, limit: number): Promise<ProtectionRequest[]> {
  const free = or(isNull(protectionRequests.leaseUntil), lte(protectionRequests.leaseUntil, now));
  const due = and(eq(protectionRequests.state, "waiting"), lte(protectionRequests.nextAttemptAt, now), free);
  const candidates = await q.select({ id: protectionRequests.id }).from(protectionRequests).where(due).orderBy(asc(protectionRequests.nextAttemptAt)).limit(limit);
  const claimed: ProtectionRequest[] = [];
  for (const { id } of candidates) {
    const [row] = await q
      .update(protectionRequests)
      .set({ leaseUntil: new Date(now.getTime() + leaseMs) })
      .where(and(eq(protectionRequests.id, id), due))
      .returning();
    if (row) claimed.push(row);
  }
  return claimed;
}

/** Records what became of a leased request and gives the lease back. */
export async function updateProtectionRequest(q: Queryable, id: number, values: Partial<Pick<ProtectionRequest, "state" | "reasons" | "attempts" | "nextAttemptAt" | "answeredAt">>): Promise<void> {
  await q
    .update(protectionRequests)
    .set({ ...values, leaseUntil: null })
    .where(eq(protectionRequests.id, id));
}

export async function listProtectionRequests(q: Queryable, integrationId: number): Promise<ProtectionRequest[]> {
  return q.select().from(protectionRequests).where(eq(protectionRequests.integrationId, integrationId)).orderBy(asc(protectionRequests.id));
}
