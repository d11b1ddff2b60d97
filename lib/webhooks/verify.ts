import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import type { WebhookSource } from "./types";

/** Constant-time comparison of two strings of any length (hashing first evens out the lengths). */
export function safeEqual(a: string, b: string): boolean {
  const digest = (s: string) => createHash("sha256").update(s, "utf8").digest();
  return timingSafeEqual(digest(a), digest(b));
}

const hmacHex = (secret: string, body: Buffer) => createHmac("sha256", secret).update(body).digest("hex");

/** GitHub and PagerDuty sign the body, so their sender is known only once the body is read. */
export function signsBody(source: WebhookSource): source is "github" | "pagerduty" {
  return source === "github" || source === "pagerduty";
}

const HMAC_HEX = /^[0-9a-f]{64}$/i;
const pagerDutySignatures = (headers: Headers) => (headers.get("x-pagerduty-signature") ?? "").split(",").map((s) => s.trim());

/**
 * Whether the headers carry a signature of the right form for a source that signs its body, so that a
 * delivery without one is refused before its body is read. Says nothing about whether it matches.
 */
export function offersSignature(source: "github" | "pagerduty", headers: Headers): boolean {
  if (source === "github") {
    const signature = headers.get("x-hub-signature-256") ?? "";
    return signature.startsWith("sha256=") && HMAC_HEX.test(signature.slice("sha256=".length));
  }
  return pagerDutySignatures(headers).some((s) => s.startsWith("v1=") && HMAC_HEX.test(s.slice("v1=".length)));
}

/**
 * Whether a delivery was sent by the holder of `secret`, the way each tool signs: GitHub an HMAC in
 * X-Hub-Signature-256, PagerDuty one or more v1 HMACs in X-PagerDuty-Signature, GitLab the secret in
 * X-Gitlab-Token, the others a bearer token. Only the first two read the body; the others are verified
 * before it is read.
 */
export function verifyDelivery(source: WebhookSource, headers: Headers, body: Buffer, secret: string): boolean {
  switch (source) {
    case "github": {
      const signature = headers.get("x-hub-signature-256") ?? "";
      return safeEqual(signature, `sha256=${hmacHex(secret, body)}`);
    }
    case "pagerduty": {
      const expected = `v1=${hmacHex(secret, body)}`;
      const offered = pagerDutySignatures(headers);
      return offered.map((s) => safeEqual(s, expected)).includes(true);
    }
    case "gitlab":
      return safeEqual(headers.get("x-gitlab-token") ?? "", secret);
    default: {
      const match = /^Bearer\s+(\S+)$/i.exec(headers.get("authorization") ?? "");
      return safeEqual(match?.[1] ?? "", secret);
    }
  }
}
