import type { z } from "zod";
import { getDatabase } from "@/db/client";
import type { Database } from "@/db/database";
import { userCan } from "@/lib/auth/roles";
import { getCurrentUser } from "@/app/_http/session";
import { AppError, invalid } from "@/lib/errors";
import { readJsonBody } from "./request-body";
import { authenticate, errorReply, failureReply, parseOrRefuse, type EndpointAccess, type Reply, type TokenActor } from "@/lib/api/endpoint";

export type { TokenActor } from "@/lib/api/endpoint";

type Context<Q, B, P> = { request: Request; actor: TokenActor; db: Database; query: Q; body: B; params: P };
type ReadContext<Q> = { request: Request; db: Database; query: Q };

/** A reply as a Web Response. */
export function replyResponse(reply: Reply): Response {
  return Response.json(reply.body, { status: reply.status, headers: reply.headers });
}

/** The error envelope of CONTRACT.md. */
export function errorResponse(error: AppError): Response {
  return replyResponse(errorReply(error));
}

/**
 * The one wrapper of every /api/v1 route: path and query (400) → authenticate (401) → authorise (403)
 * → body (413, 408, 400) → run. The token comes from the headers before any of the body is read, so a
 * stranger's request costs no memory. Client mistakes become the error envelope; anything else is
 * logged and answered 500 without detail.
 */
export function apiRoute<Q extends z.ZodType, B extends z.ZodType | undefined = undefined, P extends z.ZodType | undefined = undefined>(
  options: EndpointAccess & { query: Q; body?: B; params?: P },
  run: (
    ctx: Context<z.output<Q>, B extends z.ZodType ? z.output<B> : undefined, P extends z.ZodType ? z.output<P> : Record<string, string>>,
  ) => Promise<Response> | Response,
) {
  return async (request: Request, route: { params: Promise<Record<string, string>> }): Promise<Response> => {
    try {
      let params: unknown = await route.params;
      if (options.params) params = parseOrRefuse(options.params, params);
      const query = parseOrRefuse(options.query, Object.fromEntries(new URL(request.url).searchParams));
      const db = getDatabase();
      const actor = await authenticate(db, request.headers.get("authorization"), options);
      const body = options.body ? parseOrRefuse(options.body, await readJsonBody(request)) : undefined;
      return await run({ request, actor, db, query, body: body as never, params: params as never });
    } catch (error) {
      return replyResponse(failureReply(options.doing, error));
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
    try {
      return await run({ request, db: getDatabase(), query: query.data });
    } catch (error) {
      return replyResponse(failureReply(options.doing, error));
    }
  };
}
