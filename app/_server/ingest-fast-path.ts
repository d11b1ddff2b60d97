import type { IncomingMessage, ServerResponse } from "node:http";
import { bodyGate, bodyWithinLimit, parseJsonBody } from "@/lib/api/body";
import { admitToken, failureReply, parseOrRefuse, type Admission, type Reply } from "@/lib/api/endpoint";
import { RECORD_DEPLOYMENTS } from "@/lib/ingest/deployments-endpoint";
import { deploymentPostSchema } from "@/lib/ingest/schema";
import type { GroupCommit } from "@/lib/ingest/group-commit";
import { requestPath } from "./request-path";
import { sendReply } from "./send-reply";

/*
 * `POST /api/v1/deployments` answered before Next sees the request. Next's request pipeline costs about
 * a millisecond per request on a small machine, several times the work of recording a deployment, and
 * CI systems post deployments one by one (group-commit.ts shares their COMMITs). Same answers as Next's
 * route (api-route.ts), headers included: token from the headers (401, 403) → body (413, 408, 400) →
 * rate limit (429) and record, in a group. A stranger's body is never read, and a token refused by its
 * headers never waits for the write lock. A token this server found live before is let in without a read
 * (the group reads it again where it writes, and answers 401 if it has died meanwhile: its first post
 * after a revocation is read and waits for a group, the next ones are refused by their headers again);
 * should such a request be refused before its group, the token is read again first, so a token revoked
 * meanwhile is still answered 401 before anything about its body.
 */

/** The requests this path answers: exactly this method and path (query strings are ignored, as by the route). */
export function isIngestion(request: IncomingMessage): boolean {
  return request.method === "POST" && requestPath(request) === "/api/v1/deployments";
}

/** The body within the API's limits of size and time; past either, stops listening (the reply closes the connection). */
function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const body = bodyWithinLimit(request.headers["content-length"]);
    const gate = bodyGate();
    const stop = (error: unknown) => {
      clearTimeout(timer);
      request.off("data", onData);
      reject(error);
    };
    const timer = setTimeout(() => stop(gate.timedOut()), gate.timeoutMs);
    const onData = (chunk: Buffer) => {
      try {
        body.add(chunk);
      } catch (error) {
        stop(error);
      }
    };
    request.on("data", onData);
    request.once("end", () => {
      clearTimeout(timer);
      resolve(body.bytes());
    });
    request.once("error", stop);
  });
}

export async function serveIngestion(request: IncomingMessage, response: ServerResponse, writer: GroupCommit): Promise<void> {
  let reply: Reply;
  let admission: Admission | undefined;
  try {
    admission = await admitToken(writer.db, request.headers.authorization ?? null, RECORD_DEPLOYMENTS, writer.known);
    const body = parseOrRefuse(deploymentPostSchema, parseJsonBody(await readBody(request)));
    reply = await writer.record(admission, body);
  } catch (error) {
    // The client went away mid-body: nobody is left to answer.
    if (request.destroyed && !request.complete) return void response.destroy();
    reply = failureReply(RECORD_DEPLOYMENTS.doing, admission ? await writer.refusal(admission, error) : error);
  }
  sendReply(response, reply, !request.complete);
}
