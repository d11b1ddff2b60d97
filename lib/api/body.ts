import { AppError } from "@/lib/errors";

export const MAX_BODY_BYTES = 1024 * 1024;

export const tooLarge = () => new AppError("payload_too_large", `The body is over ${MAX_BODY_BYTES} bytes (1 MiB).`);

/** Reads a request body, refusing more than 1 MiB without buffering it all first. */
export async function readLimitedBody(request: Request): Promise<Buffer> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > MAX_BODY_BYTES) {
        await reader.cancel();
        throw tooLarge();
      }
      chunks.push(value);
    }
  }
  return Buffer.concat(chunks);
}

/** Reads a JSON body within the same limit. */
export async function readJsonBody(request: Request): Promise<unknown> {
  return parseJsonBody(await readLimitedBody(request));
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
