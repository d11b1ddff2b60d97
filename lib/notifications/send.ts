import nodemailer from "nodemailer";
import type { EmailMessage, HttpMessage } from "./formats";
import { requestTarget } from "./targets";

/** What a receiver made of one attempt, as the delivery log shows it. */
export type SendResult = { ok: boolean; status: number | null; answer: string; gone: boolean };

/** A receiver that has not answered by then is cut off, and the message tried again later. */
export const SEND_TIMEOUT_MS = 5_000;
const ANSWER_CHARS = 500;

const clip = (text: string) => (text.length > ANSWER_CHARS ? `${text.slice(0, ANSWER_CHARS)}…` : text);

function failure(error: unknown): SendResult {
  const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e.name === "TimeoutError" || e.name === "AbortError") return { ok: false, status: null, answer: `no answer within ${SEND_TIMEOUT_MS / 1000} s`, gone: false };
  const cause = e.cause?.code ?? e.cause?.message;
  return { ok: false, status: null, answer: clip(cause ? `${e.message ?? "failed"}: ${cause}` : (e.message ?? String(error))), gone: false };
}

/** Posts to a webhook, Slack or Teams URL. Redirects are not followed: a receiver answers where it was set up. */
export async function sendHttp(target: string, message: HttpMessage): Promise<SendResult> {
  try {
    // Inside: a target stored before its URL was checked as it is now fails here as one attempt, not a throw.
    const { url, headers } = requestTarget(target);
    const signal = AbortSignal.timeout(SEND_TIMEOUT_MS);
    const response = await fetch(url, { method: "POST", headers: { "user-agent": "Tandem-Notifications", ...headers, ...message.headers }, body: message.body, redirect: "manual", signal });
    const answer = clip(await response.text());
    return { ok: response.status >= 200 && response.status < 300, status: response.status, answer: answer || response.statusText, gone: response.status === 410 };
  } catch (error) {
    return failure(error);
  }
}

/** The SMTP server and sender TANDEM_SMTP_URL names (lib/config/config.ts). */
export type SmtpSettings = { url: string; from: string };

/** Sends one email; the SMTP server's reply code stands where an HTTP status would. */
export async function sendEmail(smtp: SmtpSettings | undefined, to: string, message: EmailMessage, messageId: string): Promise<SendResult> {
  if (!smtp) return { ok: false, status: null, answer: "TANDEM_SMTP_URL is not set, so Tandem cannot send email", gone: false };
  const transport = nodemailer.createTransport(smtp.url, {
    connectionTimeout: SEND_TIMEOUT_MS,
    greetingTimeout: SEND_TIMEOUT_MS,
    socketTimeout: SEND_TIMEOUT_MS,
  } as Parameters<typeof nodemailer.createTransport>[1]);
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const sent = transport.sendMail({ from: smtp.from, to, subject: message.subject, text: message.text, html: message.html, headers: { "X-Tandem-Message-Id": messageId } });
    const cutOff = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(Object.assign(new Error("timed out"), { name: "TimeoutError" })), SEND_TIMEOUT_MS * 2);
    });
    const info = (await Promise.race([sent, cutOff])) as { response?: string };
    const response = info.response ?? "accepted";
    return { ok: true, status: Number(response.slice(0, 3)) || null, answer: clip(response), gone: false };
  } catch (error) {
    const code = (error as { responseCode?: number }).responseCode;
    const result = failure(error);
    return code ? { ...result, status: code } : result;
  } finally {
    clearTimeout(timer);
    transport.close();
  }
}
