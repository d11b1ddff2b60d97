import { Webhook } from "standardwebhooks";
import type { ChannelKind } from "@/db/schema";
import type { RenderedEvent } from "./events";

/** What goes over HTTP to a webhook, Slack or Teams channel. */
export type HttpMessage = { headers: Record<string, string>; body: string };
/** What goes by SMTP to an email channel. */
export type EmailMessage = { subject: string; text: string; html: string };

const linkOf = (event: RenderedEvent, baseUrl: string) => `${baseUrl}${event.path}`;

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
export function slackMessage(event: RenderedEvent, baseUrl: string): HttpMessage {
  const link = linkOf(event, baseUrl);
  const blocks: unknown[] = [{ type: "section", text: { type: "mrkdwn", text: `*<${link}|${slackEscape(event.title)}>*${event.summary ? `\n${slackEscape(event.summary.slice(0, 2_000))}` : ""}` } }];
  if (event.facts.length) blocks.push({ type: "section", fields: event.facts.slice(0, 10).map(([k, v]) => ({ type: "mrkdwn", text: `*${slackEscape(k)}*\n${slackEscape(v)}` })) });
  blocks.push({ type: "actions", elements: [{ type: "button", text: { type: "plain_text", text: "Open in Tandem" }, url: link }] });
  return { headers: { "content-type": "application/json" }, body: JSON.stringify({ text: event.title, blocks }) };
}

/** A Teams workflow ("When a Teams webhook request is received") message carrying one Adaptive Card. */
export function teamsMessage(event: RenderedEvent, baseUrl: string): HttpMessage {
  const card = {
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    type: "AdaptiveCard",
    version: "1.4",
    body: [
      { type: "TextBlock", text: event.title, weight: "Bolder", size: "Medium", wrap: true },
      ...(event.summary ? [{ type: "TextBlock", text: event.summary.slice(0, 2_000), wrap: true }] : []),
      ...(event.facts.length ? [{ type: "FactSet", facts: event.facts.map(([title, value]) => ({ title, value })) }] : []),
    ],
    actions: [{ type: "Action.OpenUrl", title: "Open in Tandem", url: linkOf(event, baseUrl) }],
  };
  return {
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ type: "message", attachments: [{ contentType: "application/vnd.microsoft.card.adaptive", contentUrl: null, content: card }] }),
  };
}

const htmlEscape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export function emailMessage(event: RenderedEvent, baseUrl: string): EmailMessage {
  const link = linkOf(event, baseUrl);
  const facts = event.facts.map(([k, v]) => `${k}: ${v}`);
  const text = [event.title, "", ...(event.summary ? [event.summary, ""] : []), ...facts, ...(facts.length ? [""] : []), `Open in Tandem: ${link}`].join("\n");
  const html = [
    `<p><strong>${htmlEscape(event.title)}</strong></p>`,
    event.summary ? `<p>${htmlEscape(event.summary)}</p>` : "",
    facts.length ? `<ul>${event.facts.map(([k, v]) => `<li>${htmlEscape(k)}: ${htmlEscape(v)}</li>`).join("")}</ul>` : "",
    `<p><a href="${htmlEscape(link)}">Open in Tandem</a></p>`,
  ].join("");
  return { subject: `[Tandem] ${event.title}`.slice(0, 250), text, html };
}

export function httpMessage(kind: Exclude<ChannelKind, "email">, event: RenderedEvent, opts: { messageId: string; secret: string | null; baseUrl: string; sentAt: Date }): HttpMessage {
  if (kind === "webhook") return webhookMessage(event, opts.messageId, opts.secret ?? "", opts.sentAt);
  return kind === "slack" ? slackMessage(event, opts.baseUrl) : teamsMessage(event, opts.baseUrl);
}
