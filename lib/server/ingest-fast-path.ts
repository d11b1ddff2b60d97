import type { IncomingMessage, ServerResponse } from "node:http";
import { MAX_BODY_BYTES, parseJsonBody, tooLarge } from "@/lib/api/body";
import { failureReply, parseOrRefuse, type Reply } from "@/lib/api/endpoint";
import { RECORD_DEPLOYMENTS } from "@/lib/ingest/deployments-endpoint";
import { deploymentPostSchema } from "@/lib/ingest/schema";
import { SECURITY_HEADERS } from "@/lib/security/headers";
import type { GroupCommit } from "./group-commit";

/*
 * `POST /api/v1/deployments` answered before Next sees the request. Next's request pipeline costs about
 * a millisecond per request on a small machine, several times the work of recording a deployment, and
 * CI systems post deployments one by one (group-commit.ts shares their COMMITs). Same steps and order as Next's route (handler.ts): body (413,
 * 400) → token (401, 403, 429) → record; the same reply, headers included.
 */

const BASE_HEADERS = Object.fromEntries(SECURITY_HEADERS.map((h) => [h.key, h.value]));

/** The requests this path answers: exactly this method and path (query strings are ignored, as by the route). */
export function isIngestion(request: IncomingMessage): boolean {
  if (request.method !== "POST" || !request.url) return false;
  const query = request.url.indexOf("?");
  return (query < 0 ? request.url : request.url.slice(0, query)) === "/api/v1/deployments";
}

/** The body, refusing more than the API's limit without buffering it all first. */
function readBody(request: IncomingMessage): Promise<Buffer> {
  if (Number(request.headers["content-length"] ?? "0") > MAX_BODY_BYTES) return Promise.reject(tooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > MAX_BODY_BYTES) {
        request.off("data", onData);
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    };
    request.on("data", onData);
    request.once("end", () => resolve(Buffer.concat(chunks, size)));
    request.once("error", reject);
  });
}

function send(response: ServerResponse, reply: Reply, closing: boolean): void {
  const body = JSON.stringify(reply.body);
  response.writeHead(reply.status, {
    ...BASE_HEADERS,
    "Content-Type": "application/json",
    "Content-Length": Buffer.byteLength(body),
    ...reply.headers,
    // A refused oversized body is left unread: the connection cannot carry another request after it.
    ...(closing ? { Connection: "close" } : {}),
  });
  response.end(body);
}

export async function serveIngestion(request: IncomingMessage, response: ServerResponse, writer: GroupCommit): Promise<void> {
  let reply: Reply;
  try {
    const body = parseOrRefuse(deploymentPostSchema, parseJsonBody(await readBody(request)));
    reply = await writer.record(request.headers.authorization ?? null, body);
  } catch (error) {
    // The client went away mid-body: nobody is left to answer.
    if (request.destroyed && !request.complete) return void response.destroy();
    reply = failureReply(RECORD_DEPLOYMENTS.doing, error);
  }
  send(response, reply, !request.complete);
}
