import { AppError, invalid } from "@/lib/errors";
import { clip } from "@/lib/format";
import { badCharacters } from "@/lib/validation";

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

/**
 * Decodes a body as strict UTF-8 JSON: a stray byte is refused, never turned into U+FFFD and stored,
 * and so is a NUL or an unpaired surrogate escaped in a string or a key ("\u0000", "\ud800"), with a
 * 400 naming where. Every JSON body passes here, including the webhook payloads whose values (commit
 * messages, labels) are stored without an API schema.
 */
export function parseJsonBody(body: Buffer): unknown {
  const value = parseJson(body);
  refuseBadCharacters(value);
  return value;
}

type Visit = { value: unknown; key: string; parent: Visit | undefined };

/** Where a value sits, e.g. ["commits", "1", "message"]; a path deeper than 20 is cut with "…". */
const pathOf = (visit: Visit | undefined): string[] => {
  const path: string[] = [];
  for (let v = visit; v?.parent; v = v.parent) path.push(clip(v.key, 40));
  path.reverse();
  return path.length > 20 ? [...path.slice(0, 20), "…"] : path;
};

/**
 * Linear in the body: an explicit stack rather than recursion (a 1 MiB body can nest 500,000 deep), and
 * each value points at its parent, so a path is only built for the one value that is refused.
 */
function refuseBadCharacters(root: unknown): void {
  const stack: Visit[] = [{ value: root, key: "", parent: undefined }];
  for (let visit = stack.pop(); visit; visit = stack.pop()) {
    const { value } = visit;
    if (typeof value === "string") {
      const problem = badCharacters(value);
      if (problem) throw invalid([{ path: pathOf(visit), message: problem }]);
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], key: String(i), parent: visit });
    } else if (typeof value === "object" && value !== null) {
      const entries = Object.entries(value);
      for (const [key] of entries) {
        const problem = badCharacters(key);
        if (problem) throw invalid([{ path: pathOf(visit), message: `keys ${problem}` }]);
      }
      for (let i = entries.length - 1; i >= 0; i--) stack.push({ value: entries[i]![1], key: entries[i]![0], parent: visit });
    }
  }
}

function parseJson(body: Buffer): unknown {
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
