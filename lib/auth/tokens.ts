import { createHash, randomBytes } from "node:crypto";

const PREFIX = "tdm_";

/**
 * API tokens carry 256 random bits, so a plain SHA-256 digest is enough to store them safely
 * (no salt or slow hash needed, unlike passwords) and lets a request be matched by index.
 */
export function generateToken(): { token: string; hash: string; prefix: string } {
  const token = PREFIX + randomBytes(32).toString("base64url");
  return { token, hash: hashToken(token), prefix: token.slice(0, PREFIX.length + 6) };
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}
