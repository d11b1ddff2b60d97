import { bodyGate, bodyWithinLimit, parseJsonBody } from "@/lib/api/body";

/**
 * A request's body within 1 MiB (413) and within the gate's time (408). Callers authenticate the
 * sender from the headers first, so no stranger's body is held in memory.
 */
export async function readLimitedBody(request: Request): Promise<Buffer> {
  const body = bodyWithinLimit(request.headers.get("content-length"));
  if (!request.body) return body.bytes();
  const gate = bodyGate();
  const reader = request.body.getReader();
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(gate.timedOut()), gate.timeoutMs);
  });
  try {
    for (;;) {
      const { done, value } = await Promise.race([reader.read(), late]);
      if (done) break;
      body.add(value);
    }
  } catch (error) {
    // Stops listening to the rest (too large or too late); the reply ends the request.
    void reader.cancel().catch(() => {});
    throw error;
  } finally {
    clearTimeout(timer);
  }
  return body.bytes();
}

/** Reads a JSON body within the same limits. */
export async function readJsonBody(request: Request): Promise<unknown> {
  return parseJsonBody(await readLimitedBody(request));
}
