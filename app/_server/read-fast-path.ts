import type { IncomingMessage, ServerResponse } from "node:http";
import type { z } from "zod";
import type { Database } from "@/db/database";
import type { Reply } from "@/lib/api/endpoint";
import { readReply, type ReadEndpoint } from "@/lib/api/read-endpoint";
import { METRICS_ENDPOINT } from "@/lib/dora/metrics-endpoint";
import { TIMELINE_ENDPOINT } from "@/lib/timeline/timeline-endpoint";
import { requestPath } from "./request-path";
import { sendReadReply } from "./send-reply";

/*
 * The API's most asked reads, answered before Next sees the request: dashboards, Grafana and the wall
 * poll them, and Next's request pipeline costs several times the work of the answer (a cached metrics
 * report: about 7 ms through Next on this machine at a slow hour, 1.3 ms here). Same answers as Next's
 * routes, which serve the same definitions (lib/api/read-endpoint.ts). Only with a token: without an
 * Authorization header the timeline is the signed-in page's, and Next's session handling answers it.
 */
type Answer = (db: Database, authorization: string | null, search: URLSearchParams) => Promise<Reply>;
const answer =
  <S extends z.ZodType>(endpoint: ReadEndpoint<S>): Answer =>
  (db, authorization, search) =>
    readReply(db, endpoint, authorization, search);

const READS = new Map<string, Answer>([
  ["/api/v1/metrics", answer(METRICS_ENDPOINT)],
  ["/api/v1/timeline", answer(TIMELINE_ENDPOINT)],
]);

/** How this path answers a request, when it does: a GET of exactly a read's path (any query), with a token. */
export function fastRead(request: IncomingMessage): Answer | undefined {
  if (request.method !== "GET" || !request.headers.authorization) return undefined;
  const path = requestPath(request);
  return path === undefined ? undefined : READS.get(path);
}

export async function serveRead(request: IncomingMessage, response: ServerResponse, db: Database, read: Answer): Promise<void> {
  const search = new URL(request.url!, "http://localhost").searchParams;
  try {
    await sendReadReply(response, await read(db, request.headers.authorization ?? null, search), request.headers["accept-encoding"]);
  } catch (error) {
    // The answer was made (read never rejects) but could not be compressed: nothing sensible is left to send.
    console.error("tandem: a read's answer could not be sent", error);
    response.destroy();
  }
}
