import { createHash, randomBytes } from "node:crypto";
import type { Database } from "@/db/database";
import { recordAudit } from "@/db/queries/audit";
import { findLiveToken, insertApiToken, markTokenRevoked, stampTokenUse, type PublicToken } from "@/db/queries/tokens";
import type { Actor } from "./actor";
import type { TokenRole } from "./roles";

const PREFIX = "tdm_";

/** How stale a token's "last used" may get: stamping every request would turn each read into a write. */
const STAMP_EVERY_MS = 60_000;

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

/** Creates a token and returns its secret: the only time it exists outside the caller's hands. */
export async function createApiToken(db: Database, actor: Actor, input: { name: string; role: TokenRole }): Promise<{ token: string; record: PublicToken }> {
  const { token, hash, prefix } = generateToken();
  const record = await db.transaction(async (tx) => {
    const row = await insertApiToken(tx, { name: input.name, role: input.role, tokenHash: hash, prefix, createdBy: actor.type === "user" ? actor.id : null, createdAt: new Date() });
    await recordAudit(tx, actor, { action: "token.create", entityType: "api_token", entityId: row.id, after: row });
    return row;
  });
  return { token, record };
}

export async function revokeApiToken(db: Database, actor: Actor, id: number): Promise<PublicToken | undefined> {
  return db.transaction(async (tx) => {
    const row = await markTokenRevoked(tx, id, new Date());
    if (row) await recordAudit(tx, actor, { action: "token.revoke", entityType: "api_token", entityId: id, after: row });
    return row;
  });
}

/** The live token for a presented secret, read only. */
export function findTokenBySecret(db: Database, presented: string): Promise<PublicToken | undefined> {
  return findLiveToken(db.read, hashToken(presented));
}

/** Finds the live token for a presented secret and stamps its last use (at most once a minute). */
export async function authenticateToken(db: Database, presented: string): Promise<PublicToken | undefined> {
  const token = await findTokenBySecret(db, presented);
  return token && (await noteTokenUse(db, token));
}

/** Stamps a live token's last use, at most once a minute. */
export async function noteTokenUse(db: Database, token: PublicToken): Promise<PublicToken> {
  const now = new Date();
  if (token.lastUsedAt === null || now.getTime() - token.lastUsedAt.getTime() > STAMP_EVERY_MS) {
    await db.transaction((tx) => stampTokenUse(tx, token.id, now));
  }
  return { ...token, lastUsedAt: now };
}
