import { randomBytes } from "node:crypto";
import type { Queryable } from "@/db/database";
import type { NotificationChannel } from "@/db/schema";
import { insertOutboxMessages, listActiveChannels } from "@/db/queries/notifications";
import type { PendingEvent } from "./events";

/** A Standard Webhooks message id: unique, and the same on every attempt to send it. */
export const newMessageId = () => `msg_${randomBytes(16).toString("base64url")}`;

/** Whether a channel takes this event: its list (none: every event), and its team (none: every team). */
export function channelWants(channel: Pick<NotificationChannel, "events" | "team">, type: string, team: string | null): boolean {
  return (!channel.events || channel.events.some((e) => e === type)) && (!channel.team || channel.team === team);
}

/**
 * Writes one outbox message per channel that wants the event, in the caller's transaction, so the message
 * exists exactly when the change that caused it is committed (and the worker sends it after). Without a
 * channel for its type, nothing more is read or written.
 */
export async function emitEvent(tx: Queryable, pending: PendingEvent | null): Promise<void> {
  if (!pending) return;
  const candidates = (await listActiveChannels(tx)).filter((c) => !c.events || c.events.includes(pending.type));
  if (!candidates.length) return;
  const event = await pending.render(tx);
  const now = new Date();
  await insertOutboxMessages(
    tx,
    candidates
      .filter((c) => channelWants(c, event.type, event.team))
      .map((c) => ({ messageId: newMessageId(), channelId: c.id, event: event.type, payload: event, status: "pending" as const, attempts: 0, nextAttemptAt: now, createdAt: now })),
  );
}
