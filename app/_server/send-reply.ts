import type { ServerResponse } from "node:http";
import { promisify } from "node:util";
import { gzip } from "node:zlib";
import type { Reply } from "@/lib/api/endpoint";
import { SECURITY_HEADERS } from "@/lib/security/headers";

const BASE_HEADERS = Object.fromEntries(SECURITY_HEADERS.map((h) => [h.key, h.value]));
const gzipped = promisify(gzip);

/** Next compresses its answers for clients that accept gzip; a body below 1 KiB (the size its compression starts at) gains nothing. */
const COMPRESS_FROM = 1024;

/** Whether an Accept-Encoding header lets gzip be sent (named, or `*`, with a weight above 0). */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  const weights = new Map<string, number>();
  for (const part of header.split(",")) {
    const [name, ...parameters] = part.split(";").map((s) => s.trim().toLowerCase());
    const q = parameters.find((p) => p.startsWith("q="));
    weights.set(name!, q === undefined ? 1 : Number(q.slice(2)) || 0);
  }
  return (weights.get("gzip") ?? weights.get("*") ?? 0) > 0;
}

function headersFor(reply: Reply, length: number, extra: Record<string, string>): Record<string, string | number> {
  return { ...BASE_HEADERS, "Content-Type": "application/json", "Content-Length": length, ...reply.headers, ...extra };
}

/**
 * A reply of the paths the production server answers before Next, with the headers Next gives its routes'.
 * `closing`: a body refused unread (stranger, too large, too slow) leaves the connection unable to carry another request.
 */
export function sendReply(response: ServerResponse, reply: Reply, closing = false): void {
  const body = JSON.stringify(reply.body);
  response.writeHead(reply.status, headersFor(reply, Buffer.byteLength(body), closing ? { Connection: "close" } : {}));
  response.end(body);
}

/** The same for a read, compressed as Next would for a client that accepts gzip (off the event loop: zlib's thread pool). */
export async function sendReadReply(response: ServerResponse, reply: Reply, acceptEncoding: string | undefined): Promise<void> {
  const body = Buffer.from(JSON.stringify(reply.body));
  const vary = { Vary: "Accept-Encoding" };
  if (body.length < COMPRESS_FROM || !acceptsGzip(acceptEncoding)) {
    response.writeHead(reply.status, headersFor(reply, body.length, vary));
    return void response.end(body);
  }
  const compressed = await gzipped(body);
  response.writeHead(reply.status, headersFor(reply, compressed.length, { ...vary, "Content-Encoding": "gzip" }));
  response.end(compressed);
}
