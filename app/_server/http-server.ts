import { createServer, type RequestListener, type Server } from "node:http";
import { BODY_TIMEOUT_MS } from "@/lib/api/body";

/**
 * Node's own limits on slow clients, for what Tandem's code does not read itself (headers, Next's
 * server actions and pages). Node's defaults wait 60 s for headers and 300 s for a whole request, and
 * check only every 30 s: enough for a few hundred dripping connections to hold the server's memory.
 * The request limit leaves room for the routes' own body timeout (BODY_TIMEOUT_MS), which answers
 * first with a JSON 408; node's is a bare 408 and a closed connection.
 */
export const SLOW_CLIENT_LIMITS = { headersTimeout: 10_000, requestTimeout: BODY_TIMEOUT_MS + 5_000, connectionsCheckingInterval: 1_000 };

export function createTandemServer(listener: RequestListener, limits = SLOW_CLIENT_LIMITS): Server {
  return createServer(limits, listener);
}
