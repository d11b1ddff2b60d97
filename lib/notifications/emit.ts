import { randomBytes } from "node:crypto";
import type { Queryable } from "@/db/database";
import type { NotificationChannel } from "@/db/schema";
import { insertOutboxMessages, listActiveChannels, listApproverEmails, listLocalesByEmail } from "@/db/queries/notifications";
import type { ChangeRequest } from "@/db/schema";
import { getConfig } from "@/lib/config/config";
import { changeNotification, described, type PendingEvent } from "./events";
import { localeOr } from "./text";

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

/**
 * A person's own notification ("an approval is waiting for you", "you are on call next", "your action item
 * is overdue"): one email per address, through the outbox like a channel's messages, when SMTP is set,
 * in the language the person chose (English when they have none).
 */
export async function emailPeople(tx: Queryable, pending: PendingEvent, emails: string[], smtpConfigured = getConfig().smtp !== undefined): Promise<void> {
  if (!smtpConfigured || !emails.length) return;
  const event = await pending.render(tx);
  const recipients = [...new Set(emails)];
  const locales = await listLocalesByEmail(tx, recipients);
  const now = new Date();
  await insertOutboxMessages(
    tx,
    recipients.map((recipient) => ({ messageId: newMessageId(), channelId: null, recipient, event: event.type, payload: { ...event, locale: localeOr(locales.get(recipient)) }, status: "pending" as const, attempts: 0, nextAttemptAt: now, createdAt: now })),
  );
}

/** A change that now waits for approval: every approver but its requester is asked by email. */
export async function emailApprovers(tx: Queryable, change: ChangeRequest, smtpConfigured = getConfig().smtp !== undefined): Promise<void> {
  if (change.status !== "pending_approval" || !smtpConfigured) return;
  const submitted = changeNotification("change.submitted", change);
  const asking: PendingEvent = {
    type: submitted.type,
    render: async (q) => {
      const event = await submitted.render(q);
      return { ...event, ...described({ ...event.text!, title: { key: "Notifications.approvalRequested", values: { id: String(change.id), title: change.title } } }, event.summary) };
    },
  };
  await emailPeople(tx, asking, await listApproverEmails(tx, change.requesterId), true);
}
