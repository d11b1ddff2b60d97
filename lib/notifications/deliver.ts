import type { NotificationChannel } from "@/db/schema";
import { open } from "@/lib/crypto/secret-box";
import type { RenderedEvent } from "./events";
import { emailMessage, httpMessage } from "./formats";
import { sendEmail, sendHttp, type SendResult, type SmtpSettings } from "./send";
import { localeOr } from "./text";

/** What sending needs besides the message: the key secrets are sealed with, the links' base, the SMTP server. */
export type Delivery = { key: Buffer; baseUrl: string; smtp: SmtpSettings | undefined };

/** One attempt to send one message to one channel, in the channel's language. */
export async function deliver(channel: NotificationChannel, event: RenderedEvent, messageId: string, delivery: Delivery): Promise<SendResult> {
  const locale = localeOr(channel.locale);
  if (channel.kind === "email") return sendEmail(delivery.smtp, channel.target, emailMessage(event, delivery.baseUrl, locale), messageId);
  const secret = channel.secretSealed ? open(channel.secretSealed, delivery.key) : null;
  return sendHttp(channel.target, httpMessage(channel.kind, event, { messageId, secret, baseUrl: delivery.baseUrl, sentAt: new Date(), locale }));
}

/** A person's own notification: always an email, to their address, in the language they chose. */
export async function deliverToPerson(email: string, event: RenderedEvent, messageId: string, delivery: Delivery): Promise<SendResult> {
  return sendEmail(delivery.smtp, email, emailMessage(event, delivery.baseUrl, localeOr(event.locale)), messageId);
}
