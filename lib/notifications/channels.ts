import { randomBytes } from "node:crypto";
import type { Database } from "@/db/database";
import type { NotificationChannel } from "@/db/schema";
import { recordAudit } from "@/db/queries/audit";
import { deleteChannel, findChannel, insertAttempt, insertChannel, updateChannel } from "@/db/queries/notifications";
import { getOrCreateSecret } from "@/db/queries/settings";
import type { Actor } from "@/lib/auth/actor";
import { deriveKey, open, seal } from "@/lib/crypto/secret-box";
import { AppError, notFound } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locales";
import { requireScopeTeam } from "@/lib/teams/scope";
import { printable } from "@/lib/validation";
import { testNotification, TEST_EVENT } from "./events";
import { newMessageId } from "./emit";
import type { NewChannel } from "./schema";
import { deliver, type Delivery } from "./deliver";
import { shownTarget } from "./targets";

/** The key webhook channels' signing secrets are sealed with. */
export async function channelKey(db: Database, configuredSecret: string | undefined): Promise<Buffer> {
  return deriveKey(await getOrCreateSecret(db, configuredSecret), "notification-secrets");
}

/** A Standard Webhooks secret: `whsec_` and the base64 of 32 random bytes, the HMAC key. */
export const newSigningSecret = () => `whsec_${randomBytes(32).toString("base64")}`;

export function channelSecret(channel: NotificationChannel, key: Buffer): string | null {
  return channel.secretSealed ? open(channel.secretSealed, key) : null;
}

/** What the audit log and the pages may show of a channel: never its secret, its URL redacted. */
export function visibleChannel(channel: NotificationChannel) {
  const { secretSealed: _sealed, target, ...rest } = channel;
  return { ...rest, target: shownTarget(channel.kind, target) };
}

/** Creates a channel; for a webhook, returns its signing secret, shown to the admin once. */
export async function createChannel(db: Database, actor: Actor, key: Buffer, input: NewChannel, smtpConfigured: boolean): Promise<{ channel: NotificationChannel; secret: string | null }> {
  if (input.kind === "email" && !smtpConfigured) {
    throw new AppError("bad_request", "kind: email needs TANDEM_SMTP_URL set on the server (smtp://host:port?from=address)", { kind: "needs TANDEM_SMTP_URL to be set" });
  }
  const secret = input.kind === "webhook" ? newSigningSecret() : null;
  return db.transaction(async (tx) => {
    await requireScopeTeam(tx, input.team);
    const channel = await insertChannel(tx, {
      kind: input.kind,
      name: input.name,
      target: input.target,
      secretSealed: secret ? seal(secret, key) : null,
      events: input.events ?? null,
      team: input.team ?? null,
      locale: input.locale ?? "en",
      createdBy: actor.type === "user" ? actor.id : null,
      createdAt: new Date(),
    });
    await recordAudit(tx, actor, { action: "channel.create", entityType: "notification_channel", entityId: channel.id, after: visibleChannel(channel) });
    return { channel, secret };
  });
}

export async function setChannelEnabled(db: Database, actor: Actor, id: number, enabled: boolean): Promise<NotificationChannel> {
  return db.transaction(async (tx) => {
    const before = await findChannel(tx, id);
    if (!before) throw notFound("channel");
    const after = (await updateChannel(tx, id, { disabledAt: enabled ? null : new Date(), disabledReason: null }))!;
    await recordAudit(tx, actor, { action: enabled ? "channel.enable" : "channel.disable", entityType: "notification_channel", entityId: id, before: visibleChannel(before), after: visibleChannel(after) });
    return after;
  });
}

/** The language of the channel's messages from now on, messages still waiting included (they are written out when sent). */
export async function setChannelLocale(db: Database, actor: Actor, id: number, locale: Locale): Promise<NotificationChannel> {
  return db.transaction(async (tx) => {
    const before = await findChannel(tx, id);
    if (!before) throw notFound("channel");
    const after = (await updateChannel(tx, id, { locale }))!;
    await recordAudit(tx, actor, { action: "channel.update", entityType: "notification_channel", entityId: id, before: visibleChannel(before), after: visibleChannel(after) });
    return after;
  });
}

/** Deletes a channel with its messages and delivery log. */
export async function removeChannel(db: Database, actor: Actor, id: number): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await findChannel(tx, id);
    if (!before) throw notFound("channel");
    await deleteChannel(tx, id);
    await recordAudit(tx, actor, { action: "channel.delete", entityType: "notification_channel", entityId: id, before: visibleChannel(before) });
  });
}

/** Sends a test message at once (not through the outbox: the admin waits for the answer) and logs it. */
export async function sendTestMessage(db: Database, id: number, delivery: Delivery): Promise<{ ok: boolean; status: number | null; answer: string }> {
  const channel = await findChannel(db.read, id);
  if (!channel) throw notFound("channel");
  const now = new Date();
  const messageId = newMessageId();
  const result = await deliver(channel, testNotification(now, channel.name), messageId, delivery);
  await db.transaction((tx) =>
    insertAttempt(tx, { channelId: id, messageId, event: TEST_EVENT, outcome: result.ok ? "delivered" : "failed", status: result.status, answer: printable(result.answer), attemptedAt: now }),
  );
  return result;
}
