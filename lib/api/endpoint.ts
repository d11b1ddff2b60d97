import type { z } from "zod";
import type { Database } from "@/db/database";
import { authenticateToken, hashToken } from "@/lib/auth/tokens";
import { findLiveToken, type PublicToken } from "@/db/queries/tokens";
import type { KnownTokens } from "@/lib/auth/known-tokens";
import type { Actor } from "@/lib/auth/actor";
import { RateLimiter } from "@/lib/auth/rate-limit";
import { tokenCan, type Permission, type TokenRole } from "@/lib/auth/roles";
import { getConfig } from "@/lib/config/config";
import { AppError, invalid } from "@/lib/errors";
import { errorReply, type Reply } from "./reply";

export { errorReply, type Reply } from "./reply";

/*
 * The steps of an API request that do not depend on how it arrived: through Next's route handlers
 * (app/_http/api-route.ts) or the ingestion fast path in front of Next (app/_server). Both call these, so a request
 * is validated, authenticated and answered the same way whichever door it came through.
 */


export type TokenActor = Extract<Actor, { type: "token" }> & { role: TokenRole };

/** What an endpoint does, for its permission check and its messages ("may not record deployments"). */
export type EndpointAccess = { permission: Permission; doing: string };

const globalForLimiter = globalThis as unknown as { apiLimiter?: RateLimiter };
/** One fixed window per token per minute, sized by TANDEM_RATE_LIMIT, shared by both doors. */
function limiter(): RateLimiter {
  globalForLimiter.apiLimiter ??= new RateLimiter(getConfig().rateLimit, 60_000);
  return globalForLimiter.apiLimiter;
}

/** A failure that is not the client's: logged here, answered without detail. */
export function internalErrorReply(doing: string, error: unknown): Reply {
  console.error(`API request failed while trying to ${doing}:`, error);
  return { status: 500, body: { error: { code: "internal", message: "Tandem could not complete the request; nothing was changed." } } };
}

/** Client mistakes become their envelope; anything else is an internal error. */
export function failureReply(doing: string, error: unknown): Reply {
  return error instanceof AppError ? errorReply(error) : internalErrorReply(doing, error);
}

/** The value as `schema` outputs it, or 400 naming the first problem per field. */
export function parseOrRefuse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw invalid(parsed.error.issues);
  return parsed.data;
}

/** The token of a `Bearer <token>` header (401 when missing or malformed). */
export function bearerToken(header: string | null): string {
  if (!header) throw new AppError("unauthorized", "Send an API token in the header Authorization: Bearer <token>.");
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw new AppError("unauthorized", "The Authorization header must be Bearer <token>.");
  return match[1]!;
}

export const invalidToken = () => new AppError("unauthorized", "The API token is not valid: unknown or revoked.");

function mayDo(role: TokenRole, access: EndpointAccess): void {
  if (!tokenCan(role, access.permission)) throw new AppError("forbidden", `A token with role ${role} may not ${access.doing}.`);
}

/** A token let in by its headers: the token, the digest it was found by, and whether it was known without a read. */
export type Admission = { token: PublicToken; digest: string; known: boolean };

/**
 * What the headers alone can settle, with the same answers as authenticate(): a live token (401) that
 * may do this (403). The ingestion fast path checks this before reading a body, and counts the rate
 * limit (`withinLimit`) once the body is valid, as authenticate() does for the routes behind a valid body.
 * With `known`, a token found live before is let in without reading it again; whoever records its request
 * must then read it again where it writes (GroupCommit does, inside its transaction).
 */
export async function admitToken(db: Database, authorization: string | null, access: EndpointAccess, known?: KnownTokens): Promise<Admission> {
  const digest = hashToken(bearerToken(authorization));
  const remembered = known?.get(digest);
  const token = remembered ?? (await findLiveToken(db.read, digest));
  if (!token) throw invalidToken();
  mayDo(token.role, access);
  // Only a token let in: one refused its permission is read every time, so once revoked it gets 401 as on the routes.
  if (!remembered) known?.remember(digest, token);
  return { token, digest, known: remembered !== undefined };
}

/** The actor of a token's request, counted against its rate limit (429 past it). */
export function withinLimit(token: PublicToken): TokenActor {
  const wait = limiter().attempt(`token:${token.id}`);
  if (wait > 0) throw new AppError("rate_limited", `This token sent more than ${getConfig().rateLimit} requests in a minute; retry in ${wait} s.`, undefined, wait);
  return { type: "token", id: String(token.id), label: token.name, role: token.role };
}

/**
 * The token behind an Authorization header, when it is valid (401), may do this (403) and is within
 * its rate limit (429).
 */
export async function authenticate(db: Database, authorization: string | null, access: EndpointAccess): Promise<TokenActor> {
  const token = await authenticateToken(db, bearerToken(authorization));
  if (!token) throw invalidToken();
  mayDo(token.role, access);
  return withinLimit(token);
}
