import { AppError } from "@/lib/errors";

export const MAX_BODY_BYTES = 1024 * 1024;

const tooLarge = () => new AppError("payload_too_large", `The body is over ${MAX_BODY_BYTES} bytes (1 MiB).`);

/**
 * Collects a body's chunks, refusing more than 1 MiB without buffering it all first: by its declared
 * length, else as the chunks arrive. Both doors read bodies through this: a Web request in
 * app/_http/request-body.ts, a node:http request on the ingestion fast path (app/_server).
 */
export function bodyWithinLimit(declaredLength: string | null | undefined) {
  if (Number(declaredLength ?? "0") > MAX_BODY_BYTES) throw tooLarge();
  const kept: Uint8Array[] = [];
  let size = 0;
  return {
    /** Throws 413 as soon as the body passes the limit. */
    add(chunk: Uint8Array): void {
      size += chunk.byteLength;
      if (size > MAX_BODY_BYTES) throw tooLarge();
      kept.push(chunk);
    },
    bytes: (): Buffer => Buffer.concat(kept, size),
  };
}

/** Decodes a body as strict UTF-8 JSON: a stray byte is refused, never turned into U+FFFD and stored. */
export function parseJsonBody(body: Buffer): unknown {
  if (body.byteLength === 0) throw new AppError("bad_request", "The body is empty; send a JSON object.");
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(body);
  } catch {
    throw new AppError("bad_request", "The body is not valid UTF-8.");
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new AppError("bad_request", `The body is not valid JSON: ${(e as Error).message}`);
  }
}
