import type { IncomingMessage } from "node:http";

/** The path a request asks for, without its query string (the routes ignore it in choosing, as Next does). */
export function requestPath(request: IncomingMessage): string | undefined {
  if (!request.url) return undefined;
  const query = request.url.indexOf("?");
  return query < 0 ? request.url : request.url.slice(0, query);
}
