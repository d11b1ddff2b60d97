import { and, desc, eq, isNull } from "drizzle-orm";
import type { Database, Queryable } from "../database";
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
export async function createApiToken(
  db: Database,
  actor: Actor,
  input: { name: string; role: TokenRole },
): Promise<{ token: string; record: PublicToken }> {
  const { token, hash, prefix } = generateToken();
  const record = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiTokens)
      .values({
        name: input.name,
        role: input.role,
        tokenHash: hash,
        prefix,
        createdBy: actor.type === "user" ? actor.id : null,
        createdAt: new Date(),
      })
      .returning(publicColumns);
    await recordAudit(tx, actor, { action: "token.create", entityType: "api_token", entityId: row!.id, after: row });
    return row!;
  });
  return { token, record };
}

export async function listApiTokens(q: Queryable): Promise<PublicToken[]> {
  return q.select(publicColumns).from(apiTokens).orderBy(desc(apiTokens.createdAt));
}

export async function revokeApiToken(db: Database, actor: Actor, id: number): Promise<PublicToken | undefined> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(apiTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
      .returning(publicColumns);
    if (row) await recordAudit(tx, actor, { action: "token.revoke", entityType: "api_token", entityId: id, after: row });
    return row;
  });
}

// Apart, so the read-only reader connection never compiles the update.
const lookup = preparedStatements((prepare) => prepare("select id, name, role, prefix, created_by, created_at, last_used_at, revoked_at from api_tokens where token_hash = ? and revoked_at is null"));
const stamp = preparedStatements((prepare) => prepare("update api_tokens set last_used_at = ? where id = ?"));

type TokenRow = { id: number; name: string; role: TokenRole; prefix: string; created_by: string | null; created_at: number; last_used_at: number | null; revoked_at: number | null };

/** Finds the live token for a presented secret and stamps its last use. */
export async function authenticateToken(db: Database, presented: string): Promise<PublicToken | undefined> {
  const row = lookup(db.read).get(hashToken(presented)) as TokenRow | undefined;
  if (!row) return undefined;
  const now = new Date();
  // Stamping every request would turn each read into a write; a minute's precision is plenty.
  if (row.last_used_at === null || now.getTime() - row.last_used_at > 60_000) {
    await db.transaction(async (tx) => {
      stamp(tx).run(now.getTime(), row.id);
    });
  }
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
