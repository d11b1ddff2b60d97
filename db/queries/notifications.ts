import { and, asc, desc, eq, inArray, isNull, lt, lte, ne, notInArray, or } from "drizzle-orm";
import type { Queryable } from "../database";
import { notificationAttempts, notificationChannels, notificationOutbox, services, user, type NotificationAttempt, type NotificationChannel, type OutboxMessage } from "../schema";

export async function insertChannel(q: Queryable, values: Omit<typeof notificationChannels.$inferInsert, "id">): Promise<NotificationChannel> {
  return (await q.insert(notificationChannels).values(values).returning())[0]!;
}

export async function findChannel(q: Queryable, id: number): Promise<NotificationChannel | undefined> {
  return (await q.select().from(notificationChannels).where(eq(notificationChannels.id, id)).limit(1))[0];
}

export async function listChannels(q: Queryable): Promise<NotificationChannel[]> {
  return q.select().from(notificationChannels).orderBy(asc(notificationChannels.name), asc(notificationChannels.id));
}

export async function listActiveChannels(q: Queryable): Promise<NotificationChannel[]> {
  return q.select().from(notificationChannels).where(isNull(notificationChannels.disabledAt));
}

export async function updateChannel(q: Queryable, id: number, values: Partial<Pick<NotificationChannel, "disabledAt" | "disabledReason" | "locale">>): Promise<NotificationChannel | undefined> {
  return (await q.update(notificationChannels).set(values).where(eq(notificationChannels.id, id)).returning())[0];
}

export async function deleteChannel(q: Queryable, id: number): Promise<boolean> {
  return (await q.delete(notificationChannels).where(eq(notificationChannels.id, id)).returning({ id: notificationChannels.id })).length > 0;
}

export async function insertOutboxMessages(q: Queryable, rows: Omit<typeof notificationOutbox.$inferInsert, "id">[]): Promise<void> {
  if (rows.length) await q.insert(notificationOutbox).values(rows);
}

const dueAt = (now: Date) =>
  and(eq(notificationOutbox.status, "pending"), lte(notificationOutbox.nextAttemptAt, now), or(isNull(notificationOutbox.leaseUntil), lt(notificationOutbox.leaseUntil, now)));

/**
 * Whether any message of an active channel is due: the worker's question each tick, a read, so an idle
 * server (or one whose only pending messages belong to disabled channels) never opens a write transaction.
 */
export async function hasDueMessage(q: Queryable, now: Date): Promise<boolean> {
  const rows = await q
    .select({ id: notificationOutbox.id })
    .from(notificationOutbox)
    .leftJoin(notificationChannels, eq(notificationChannels.id, notificationOutbox.channelId))
    .where(and(dueAt(now), isNull(notificationChannels.disabledAt)))
    .limit(1);
  return rows.length > 0;
}

/** A due message as the worker chooses among them: which channel (or person) it goes to. */
export type DueMessage = { id: number; channelId: number | null; recipient: string | null };

/** Receivers the caller will not send more to now: their messages are left out before any are looked at. */
export type BusyReceivers = { channels: number[]; recipients: string[] };

/**
 * Claims due messages of active channels for `owner` until `leaseUntil`, oldest due first: of the first
 * `limit * 10` due to receivers not `busy`, those `choose` picks (by default the first `limit`), so a
 * caller may keep one receiver from taking every slot. Run in a write transaction: the update repeats the
 * "free" condition, so a row another worker claimed meanwhile is skipped.
 */
export async function claimDueMessages(
  q: Queryable,
  now: Date,
  owner: string,
  leaseUntil: Date,
  limit: number,
  choose: (due: DueMessage[]) => number[] = (due) => due.slice(0, limit).map((m) => m.id),
  busy: BusyReceivers = { channels: [], recipients: [] },
): Promise<{ message: OutboxMessage; channel: NotificationChannel | null }[]> {
  const free = dueAt(now);
  const due = await q
    .select({ id: notificationOutbox.id, channelId: notificationOutbox.channelId, recipient: notificationOutbox.recipient })
    .from(notificationOutbox)
    .leftJoin(notificationChannels, eq(notificationChannels.id, notificationOutbox.channelId))
    .where(
      and(
        free,
        isNull(notificationChannels.disabledAt),
        busy.channels.length ? or(isNull(notificationOutbox.channelId), notInArray(notificationOutbox.channelId, busy.channels)) : undefined,
        busy.recipients.length ? or(isNull(notificationOutbox.recipient), notInArray(notificationOutbox.recipient, busy.recipients)) : undefined,
      ),
    )
    .orderBy(asc(notificationOutbox.nextAttemptAt), asc(notificationOutbox.id))
    .limit(limit * 10);
  const chosen = choose(due).slice(0, limit);
  if (!chosen.length) return [];
  const claimed = await q
    .update(notificationOutbox)
    .set({ leaseUntil, leaseOwner: owner })
    .where(and(inArray(notificationOutbox.id, chosen), free))
    .returning();
  if (!claimed.length) return [];
  const ids = [...new Set(claimed.flatMap((m) => (m.channelId === null ? [] : [m.channelId])))];
  const channels = ids.length ? await q.select().from(notificationChannels).where(inArray(notificationChannels.id, ids)) : [];
  const byId = new Map(channels.map((c) => [c.id, c]));
  return claimed.sort((a, b) => a.id - b.id).map((message) => ({ message, channel: message.channelId === null ? null : (byId.get(message.channelId) ?? null) }));
}

/** Records an attempt's result on a message this worker still holds; false when its lease was lost. */
export async function settleMessage(
  q: Queryable,
  id: number,
  owner: string,
  values: Pick<OutboxMessage, "status" | "attempts" | "nextAttemptAt" | "deliveredAt">,
): Promise<boolean> {
  const rows = await q
    .update(notificationOutbox)
    .set({ ...values, leaseUntil: null, leaseOwner: null })
    .where(and(eq(notificationOutbox.id, id), eq(notificationOutbox.leaseOwner, owner)))
    .returning({ id: notificationOutbox.id });
  return rows.length > 0;
}

export async function insertAttempt(q: Queryable, values: Omit<typeof notificationAttempts.$inferInsert, "id">): Promise<void> {
  await q.insert(notificationAttempts).values(values);
}

export async function listAttempts(q: Queryable, channelId: number, limit = 50): Promise<NotificationAttempt[]> {
  return q
    .select()
    .from(notificationAttempts)
    .where(eq(notificationAttempts.channelId, channelId))
    .orderBy(desc(notificationAttempts.attemptedAt), desc(notificationAttempts.id))
    .limit(limit);
}

export async function listOutbox(q: Queryable, channelId: number): Promise<OutboxMessage[]> {
  return q.select().from(notificationOutbox).where(eq(notificationOutbox.channelId, channelId)).orderBy(asc(notificationOutbox.id));
}

/** A service's slug and team, which every notification about its records names. */
export async function findServiceScope(q: Queryable, id: number): Promise<{ slug: string; team: string | null } | undefined> {
  return (await q.select({ slug: services.slug, team: services.team }).from(services).where(eq(services.id, id)).limit(1))[0];
}

/** The addresses of the active people who may approve changes (approvers and admins), but `except`'s. */
export async function listApproverEmails(q: Queryable, except: string | null): Promise<string[]> {
  const rows = await q
    .select({ email: user.email })
    .from(user)
    .where(and(inArray(user.role, ["approver", "admin"]), or(isNull(user.banned), eq(user.banned, false)), except ? ne(user.id, except) : undefined))
    .orderBy(asc(user.email));
  return rows.map((r) => r.email);
}

/** The language each of these people chose, by address; someone without an account or a choice is left out. */
export async function listLocalesByEmail(q: Queryable, emails: string[]): Promise<Map<string, string>> {
  if (!emails.length) return new Map();
  const rows = await q.select({ email: user.email, locale: user.locale }).from(user).where(inArray(user.email, emails));
  return new Map(rows.flatMap((r) => (r.locale ? [[r.email, r.locale] as const] : [])));
}
