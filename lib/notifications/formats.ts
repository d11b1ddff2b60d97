import { Webhook } from "standardwebhooks";
import type { ChannelKind } from "@/db/schema";
import type { Locale } from "@/lib/i18n/locales";
import type { RenderedEvent } from "./events";
import { message, writeOut, type WrittenText } from "./text";

/** What goes over HTTP to a webhook, Slack or Teams channel. */
export type HttpMessage = { headers: Record<string, string>; body: string };
/** What goes by SMTP to an email channel. */
export type EmailMessage = { subject: string; text: string; html: string };

const linkOf = (event: RenderedEvent, baseUrl: string) => `${baseUrl}${event.path}`;

/** What a person reads, in their language; a message stored before events carried their text has only its English. */
function wordsOf(event: RenderedEvent, locale: Locale): WrittenText {
  return event.text ? writeOut(event.text, locale, event.summary) : { title: event.title, summary: event.summary, facts: event.facts };
}

/**
 * Standard Webhooks: the body is {type, timestamp, data}; the signature covers `id.timestamp.body` with
 * the attempt's own timestamp (receivers refuse old ones), while the id stays the message's for every attempt.
 */
export function webhookMessage(event: RenderedEvent, messageId: string, secret: string, sentAt: Date): HttpMessage {
  const body = JSON.stringify({ type: event.type, timestamp: event.timestamp, data: event.data });
  return {
    headers: {
      "content-type": "application/json",
      "webhook-id": messageId,
      "webhook-timestamp": String(Math.floor(sentAt.getTime() / 1000)),
      "webhook-signature": signWebhook(secret, messageId, sentAt, body),
    },
    body,
  };
}

/** `v1,` + base64 HMAC-SHA256 of `id.timestamp.body`, keyed by the base64 part of a `whsec_` secret. */
export function signWebhook(secret: string, messageId: string, sentAt: Date, body: string): string {
  return new Webhook(secret).sign(messageId, sentAt, body);
}

/** Slack's mrkdwn treats these three as markup; everything else is shown as written. */
const slackEscape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** A Slack incoming-webhook message in Block Kit, with `text` as the notification's fallback. */
export function slackMessage(event: RenderedEvent, baseUrl: string, locale: Locale = "en"): HttpMessage {
  const link = linkOf(event, baseUrl);
  const { title, summary, facts } = wordsOf(event, locale);
  const blocks: unknown[] = [{ type: "section", text: { type: "mrkdwn", text: `*<${link}|${slackEscape(title)}>*${summary ? `\n${slackEscape(summary.slice(0, 2_000))}` : ""}` } }];
  if (facts.length) blocks.push({ type: "section", fields: facts.slice(0, 10).map(([k, v]) => ({ type: "mrkdwn", text: `*${slackEscape(k)}*\n${slackEscape(v)}` })) });
  blocks.push({ type: "actions", elements: [{ type: "button", text: { type: "plain_text", text: message(locale, "Notifications.open") }, url: link }] });
  return { headers: { "content-type": "application/json" }, body: JSON.stringify({ text: title, blocks }) };
}

/** A Teams workflow ("When a Teams webhook request is received") message carrying one Adaptive Card. */
export function teamsMessage(event: RenderedEvent, baseUrl: string, locale: Locale = "en"): HttpMessage {
  const { title, summary, facts } = wordsOf(event, locale);
  const card = {
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    type: "AdaptiveCard",
    version: "1.4",
    // The card's language, so Teams reads it aloud and wraps it as that language.
    lang: locale,
    body: [
      { type: "TextBlock", text: title, weight: "Bolder", size: "Medium", wrap: true },
      ...(summary ? [{ type: "TextBlock", text: summary.slice(0, 2_000), wrap: true }] : []),
      ...(facts.length ? [{ type: "FactSet", facts: facts.map(([label, value]) => ({ title: label, value })) }] : []),
    ],
    actions: [{ type: "Action.OpenUrl", title: message(locale, "Notifications.open"), url: linkOf(event, baseUrl) }],
  };
  return {
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ type: "message", attachments: [{ contentType: "application/vnd.microsoft.card.adaptive", contentUrl: null, content: card }] }),
  };
}

const htmlEscape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export function emailMessage(event: RenderedEvent, baseUrl: string, locale: Locale = "en"): EmailMessage {
  const link = linkOf(event, baseUrl);
  const { title, summary, facts } = wordsOf(event, locale);
  const lines = facts.map(([label, value]) => message(locale, "Notifications.fact", { label, value }));
  const text = [title, "", ...(summary ? [summary, ""] : []), ...lines, ...(lines.length ? [""] : []), message(locale, "Notifications.openLink", { link })].join("\n");
  const html = [
    `<p><strong>${htmlEscape(title)}</strong></p>`,
    summary ? `<p>${htmlEscape(summary)}</p>` : "",
    lines.length ? `<ul>${lines.map((line) => `<li>${htmlEscape(line)}</li>`).join("")}</ul>` : "",
    `<p><a href="${htmlEscape(link)}">${htmlEscape(message(locale, "Notifications.open"))}</a></p>`,
  ].join("");
  return { subject: `[Tandem] ${title}`.slice(0, 250), text, html };
}

/** The webhook's body is the contract's, in English whatever the channel's language; Slack and Teams speak it. */
export function httpMessage(kind: Exclude<ChannelKind, "email">, event: RenderedEvent, opts: { messageId: string; secret: string | null; baseUrl: string; sentAt: Date; locale: Locale }): HttpMessage {
  if (kind === "webhook") return webhookMessage(event, opts.messageId, opts.secret ?? "", opts.sentAt);
  return kind === "slack" ? slackMessage(event, opts.baseUrl, opts.locale) : teamsMessage(event, opts.baseUrl, opts.locale);
}
