import type { z } from "zod";
import type { Database } from "@/db/database";
import { authenticate, failureReply, parseOrRefuse, type EndpointAccess, type Reply } from "./endpoint";

/**
 * A GET of the API whose answer depends only on its query string and the token's access. Next's route
 * (app/api) and the production server's read path in front of Next (app/_server) both serve it from
 * this one definition, so a request is answered the same whichever door it came through.
 */
export type ReadEndpoint<S extends z.ZodType = z.ZodType> = EndpointAccess & {
  query: S;
  reply: (db: Database, query: z.output<S>) => Promise<Reply>;
};

/** Query (400) → token (401, 403, 429) → the answer, in the order of every API route; never rejects. */
export async function readReply<S extends z.ZodType>(db: Database, endpoint: ReadEndpoint<S>, authorization: string | null, search: URLSearchParams): Promise<Reply> {
  try {
    const query = parseOrRefuse(endpoint.query, Object.fromEntries(search));
    await authenticate(db, authorization, endpoint);
    return await endpoint.reply(db, query);
  } catch (error) {
    return failureReply(endpoint.doing, error);
  }
}
