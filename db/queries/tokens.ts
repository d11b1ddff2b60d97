import { and, desc, eq, isNull } from "drizzle-orm";
import type { Db } from "../client";
import { preparedStatements } from "../sqlite/prepared";
import { apiTokens, type ApiToken } from "../schema";
import { recordAudit } from "./audit";
import { generateToken, hashToken } from "@/lib/auth/tokens";
import type { Actor } from "@/lib/auth/actor";
import type { TokenRole } from "@/lib/auth/roles";

export type PublicToken = Omit<ApiToken, "tokenHash">;

const publicColumns = {
  id: apiTokens.id,
  name: apiTokens.name,
  role: apiTokens.role,
  prefix: apiTokens.prefix,
  createdBy: apiTokens.createdBy,
  createdAt: apiTokens.createdAt,
  lastUsedAt: apiTokens.lastUsedAt,
  revokedAt: apiTokens.revokedAt,
};

/** Creates a token and returns its secret: the only time it exists outside the caller's hands. */
export function createApiToken(
  db: Db,
  actor: Actor,
  input: { name: string; role: TokenRole },
): { token: string; record: PublicToken } {
  const { token, hash, prefix } = generateToken();
  const record = db.transaction((tx) => {
    const row = tx
      .insert(apiTokens)
      .values({
        name: input.name,
        role: input.role,
        tokenHash: hash,
        prefix,
        createdBy: actor.type === "user" ? actor.id : null,
        createdAt: new Date(),
      })
      .returning(publicColumns)
      .get();
    recordAudit(tx, actor, { action: "token.create", entityType: "api_token", entityId: row.id, after: row });
    return row;
  });
  return { token, record };
}

export function listApiTokens(db: Db): PublicToken[] {
  return db.select(publicColumns).from(apiTokens).orderBy(desc(apiTokens.createdAt)).all();
}

export function revokeApiToken(db: Db, actor: Actor, id: number): PublicToken | undefined {
  return db.transaction((tx) => {
    const row = tx
      .update(apiTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
      .returning(publicColumns)
      .get();
    if (row) recordAudit(tx, actor, { action: "token.revoke", entityType: "api_token", entityId: id, after: row });
    return row;
  });
}

const statements = preparedStatements((prepare) => ({
  live: prepare("select id, name, role, prefix, created_by, created_at, last_used_at, revoked_at from api_tokens where token_hash = ? and revoked_at is null"),
  stamp: prepare("update api_tokens set last_used_at = ? where id = ?"),
}));

type TokenRow = { id: number; name: string; role: TokenRole; prefix: string; created_by: string | null; created_at: number; last_used_at: number | null; revoked_at: number | null };

/** Finds the live token for a presented secret and stamps its last use. */
export function authenticateToken(db: Db, presented: string): PublicToken | undefined {
  const { live, stamp } = statements(db);
  const row = live.get(hashToken(presented)) as TokenRow | undefined;
  if (!row) return undefined;
  const now = new Date();
  // Stamping every request would turn each read into a write; a minute's precision is plenty.
  if (row.last_used_at === null || now.getTime() - row.last_used_at > 60_000) stamp.run(now.getTime(), row.id);
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    prefix: row.prefix,
    createdBy: row.created_by,
    createdAt: new Date(row.created_at),
    lastUsedAt: now,
    revokedAt: row.revoked_at === null ? null : new Date(row.revoked_at),
  };
}
