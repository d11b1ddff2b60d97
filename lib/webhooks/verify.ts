import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import type { WebhookSource } from "./types";

/** Constant-time comparison of two strings of any length (hashing first evens out the lengths). */
export function safeEqual(a: string, b: string): boolean {
  const digest = (s: string) => createHash("sha256").update(s, "utf8").digest();
  return timingSafeEqual(digest(a), digest(b));
}

const hmacHex = (secret: string, body: Buffer) => createHmac("sha256", secret).update(body).digest("hex");

/**
 * Whether a delivery was sent by the holder of `secret`, the way each tool signs: GitHub an HMAC in
 * X-Hub-Signature-256, PagerDuty one or more v1 HMACs in X-PagerDuty-Signature, GitLab the secret in
 * X-Gitlab-Token, the others a bearer token.
 */
export function verifyDelivery(source: WebhookSource, headers: Headers, body: Buffer, secret: string): boolean {
  switch (source) {
    case "github": {
      const signature = headers.get("x-hub-signature-256") ?? "";
      return safeEqual(signature, `sha256=${hmacHex(secret, body)}`);
    }
    case "pagerduty": {
      const expected = `v1=${hmacHex(secret, body)}`;
      const offered = (headers.get("x-pagerduty-signature") ?? "").split(",").map((s) => s.trim());
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
