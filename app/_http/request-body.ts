import { bodyWithinLimit, parseJsonBody } from "@/lib/api/body";

export async function readLimitedBody(request: Request): Promise<Buffer> {
  const body = bodyWithinLimit(request.headers.get("content-length"));
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      try {
        body.add(value);
      } catch (error) {
        await reader.cancel();
        throw error;
      }
    }
  }
  return body.bytes();
}

/** Reads a JSON body within the same limit. */
export async function readJsonBody(request: Request): Promise<unknown> {
  return parseJsonBody(await readLimitedBody(request));
}
