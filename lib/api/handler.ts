import type { z } from "zod";
import { getDb, type Db } from "@/db/client";
import { authenticateToken } from "@/db/queries/tokens";
import type { Actor } from "@/lib/auth/actor";
import { tokenCan, userCan, type Permission, type TokenRole } from "@/lib/auth/roles";
import { getCurrentUser } from "@/lib/auth/session";
import { AppError, invalid } from "@/lib/errors";
import { readJsonBody } from "./body";
import { RateLimiter } from "@/lib/auth/rate-limit";
import { getConfig } from "@/lib/config/config";

const globalForLimiter = globalThis as unknown as { apiLimiter?: RateLimiter };
/** One fixed window per token per minute, sized by TANDEM_RATE_LIMIT. */
function limiter(): RateLimiter {
  globalForLimiter.apiLimiter ??= new RateLimiter(getConfig().rateLimit, 60_000);
  return globalForLimiter.apiLimiter;
}

export type TokenActor = Extract<Actor, { type: "token" }> & { role: TokenRole };

type Context<Q, B, P> = { request: Request; actor: TokenActor; db: Db; query: Q; body: B; params: P };
type ReadContext<Q> = { request: Request; db: Db; query: Q };

/** The error envelope of CONTRACT.md. */
export function errorResponse(error: AppError): Response {
  const body: { error: { code: string; message: string; fields?: Record<string, string> } } = {
    error: { code: error.code, message: error.message },
  };
  if (error.fields && Object.keys(error.fields).length) body.error.fields = error.fields;
  const headers: Record<string, string> = {};
  if (error.code === "unauthorized") headers["WWW-Authenticate"] = "Bearer";
  if (error.retryAfter !== undefined) headers["Retry-After"] = String(error.retryAfter);
  return Response.json(body, { status: error.status, headers });
}

function bearerToken(request: Request): string {
  const header = request.headers.get("authorization");
  if (!header) throw new AppError("unauthorized", "Send an API token in the header Authorization: Bearer <token>.");
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw new AppError("unauthorized", "The Authorization header must be Bearer <token>.");
  return match[1]!;
}

/**
 * The one wrapper of every /api/v1 route: validate (400) → authenticate (401) → authorise (403) → run.
 * Client mistakes become the error envelope; anything else is logged and answered 500 without detail.
 */
export function apiRoute<Q extends z.ZodType, B extends z.ZodType | undefined = undefined, P extends z.ZodType | undefined = undefined>(
  options: { permission: Permission; doing: string; query: Q; body?: B; params?: P },
  run: (
    ctx: Context<z.output<Q>, B extends z.ZodType ? z.output<B> : undefined, P extends z.ZodType ? z.output<P> : Record<string, string>>,
  ) => Promise<Response> | Response,
) {
  return async (request: Request, route: { params: Promise<Record<string, string>> }): Promise<Response> => {
    try {
      let params: unknown = await route.params;
      if (options.params) {
        const parsedParams = options.params.safeParse(params);
        if (!parsedParams.success) throw invalid(parsedParams.error.issues);
        params = parsedParams.data;
      }
      const url = new URL(request.url);
      const query = options.query.safeParse(Object.fromEntries(url.searchParams));
      if (!query.success) throw invalid(query.error.issues);
      let body: unknown = undefined;
      if (options.body) {
        const parsedBody = options.body.safeParse(await readJsonBody(request));
        if (!parsedBody.success) throw invalid(parsedBody.error.issues);
        body = parsedBody.data;
      }
      const db = getDb();
      const token = authenticateToken(db, bearerToken(request));
      if (!token) throw new AppError("unauthorized", "The API token is not valid: unknown or revoked.");
      if (!tokenCan(token.role, options.permission)) {
        throw new AppError("forbidden", `A token with role ${token.role} may not ${options.doing}.`);
      }
      const wait = limiter().attempt(`token:${token.id}`);
      if (wait > 0) throw new AppError("rate_limited", `This token sent more than ${getConfig().rateLimit} requests in a minute; retry in ${wait} s.`, undefined, wait);
      const actor: TokenActor = { type: "token", id: String(token.id), label: token.name, role: token.role };
      return await run({ request, actor, db, query: query.data, body: body as never, params: params as never });
    } catch (error) {
      if (error instanceof AppError) return errorResponse(error);
      console.error(`API request failed while trying to ${options.doing}:`, error);
      return Response.json({ error: { code: "internal", message: "Tandem could not complete the request; nothing was changed." } }, { status: 500 });
    }
  };
}

/**
 * For read-only GET routes a signed-in person may open in the browser too: a bearer token as for
 * every API route, or else the session cookie (never for writes, so no cross-site request can use it).
 */
export function readRoute<Q extends z.ZodType>(options: { doing: string; query: Q }, run: (ctx: ReadContext<z.output<Q>>) => Promise<Response> | Response) {
  const tokenRoute = apiRoute({ permission: "read", doing: options.doing, query: options.query }, ({ request, db, query }) => run({ request, db, query }));
  return async (request: Request, route: { params: Promise<Record<string, string>> }): Promise<Response> => {
    if (request.headers.get("authorization")) return tokenRoute(request, route);
    const user = await getCurrentUser();
    if (!user) return tokenRoute(request, route);
    if (!userCan(user.role, "read")) return errorResponse(new AppError("forbidden", `Your role may not ${options.doing}.`));
    const query = options.query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!query.success) return errorResponse(invalid(query.error.issues));
    return run({ request, db: getDb(), query: query.data });
  };
}
