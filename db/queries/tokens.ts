import { and, desc, eq, isNull } from "drizzle-orm";
import type { Queryable } from "../database";
import { preparedStatements } from "../statements";
import { apiTokens, type ApiToken } from "../schema";

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

/** Stores a token by its digest; the secret itself never reaches the database. */
export async function insertApiToken(
  q: Queryable,
  values: { name: string; role: ApiToken["role"]; tokenHash: string; prefix: string; createdBy: string | null; createdAt: Date },
): Promise<PublicToken> {
  const [row] = await q.insert(apiTokens).values(values).returning(publicColumns);
  return row!;
}

/** Who created a token (null when the command line did, or that user is gone). */
export async function findTokenCreator(q: Queryable, id: number): Promise<string | null> {
  const [row] = await q.select({ createdBy: apiTokens.createdBy }).from(apiTokens).where(eq(apiTokens.id, id));
  return row?.createdBy ?? null;
}

export async function listApiTokens(q: Queryable): Promise<PublicToken[]> {
  return q.select(publicColumns).from(apiTokens).orderBy(desc(apiTokens.createdAt));
}

/** Revokes a live token; undefined when there is none (or it was already revoked). */
export async function markTokenRevoked(q: Queryable, id: number, at: Date): Promise<PublicToken | undefined> {
  const [row] = await q
    .update(apiTokens)
    .set({ revokedAt: at })
    .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
    .returning(publicColumns);
  return row;
}

/** Revokes every live token a person created (they leave with the person); returns those it revoked. */
export async function markTokensOfCreatorRevoked(q: Queryable, userId: string, at: Date): Promise<PublicToken[]> {
  return q
    .update(apiTokens)
    .set({ revokedAt: at })
    .where(and(eq(apiTokens.createdBy, userId), isNull(apiTokens.revokedAt)))
    .returning(publicColumns);
}

// Apart, so the read-only reader connection never compiles the update. A token of a deactivated creator is
// not live even unrevoked (one deactivated before tokens died with their creator, or banned another way).
const lookup = preparedStatements((prepare) =>
  prepare(
    `select t.id, t.name, t.role, t.prefix, t.created_by, t.created_at, t.last_used_at, t.revoked_at from api_tokens t
     left join "user" u on u.id = t.created_by
     where t.token_hash = ? and t.revoked_at is null and u.banned is not true`,
  ),
);
const stamp = preparedStatements((prepare) => prepare("update api_tokens set last_used_at = ? where id = ?"));

type TokenRow = { id: number; name: string; role: ApiToken["role"]; prefix: string; created_by: string | null; created_at: number; last_used_at: number | null; revoked_at: number | null };

/** The live token with this digest (unrevoked, its creator not deactivated), as listApiTokens would list it. */
export async function findLiveToken(q: Queryable, tokenHash: string): Promise<PublicToken | undefined> {
  const row = await lookup(q).get<TokenRow>(tokenHash);
  if (!row) return undefined;
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    prefix: row.prefix,
    createdBy: row.created_by,
    createdAt: new Date(row.created_at),
    lastUsedAt: row.last_used_at === null ? null : new Date(row.last_used_at),
    revokedAt: row.revoked_at === null ? null : new Date(row.revoked_at),
  };
}

export async function stampTokenUse(q: Queryable, id: number, at: Date): Promise<void> {
  await stamp(q).run(at.getTime(), id);
}
