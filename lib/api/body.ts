import { AppError, invalid } from "@/lib/errors";
import { clip } from "@/lib/format";
import { badCharacters } from "@/lib/validation";

export const MAX_BODY_BYTES = 1024 * 1024;

const tooLarge = () => new AppError("payload_too_large", `The body is over ${MAX_BODY_BYTES} bytes (1 MiB).`);

/**
 * How long a whole body may take to arrive. Every client Tandem expects (CI jobs, webhook senders,
 * scripts) sends its at most 1 MiB in well under a second; a body still arriving after 10 s holds
 * memory and a connection for nobody's benefit (node's own limit is 300 s). Constants rather than
 * settings: no deployment was found to need others.
 */
export const BODY_TIMEOUT_MS = 10_000;

/**
 * How many bodies may be read at once before their sender is known: only webhook payloads signed over
 * their body (GitHub, PagerDuty) are read that way. Each holds up to 1 MiB, so this bounds that memory
 * to 32 MiB; real senders deliver a few at a time and retry on 503.
 */
export const MAX_UNVERIFIED_BODIES = 32;

/** Seconds a sender turned away by that cap is asked to wait. */
const UNVERIFIED_RETRY_AFTER_S = 5;

/** The limits on reading bodies, one per process (Next's route bundles each load this module). */
export class BodyGate {
  private unverified = 0;

  constructor(
    readonly timeoutMs = BODY_TIMEOUT_MS,
    private readonly maxUnverified = MAX_UNVERIFIED_BODIES,
  ) {}

  /** Reads a body whose sender is not yet verified, within the cap (503 with Retry-After past it). */
  async unverifiedRead<T>(read: () => Promise<T>): Promise<T> {
    if (this.unverified >= this.maxUnverified) {
      throw new AppError("unavailable", `Tandem is reading ${this.maxUnverified} unverified bodies already; retry in ${UNVERIFIED_RETRY_AFTER_S} s.`, undefined, UNVERIFIED_RETRY_AFTER_S);
    }
    this.unverified++;
    try {
      return await read();
    } finally {
      this.unverified--;
    }
  }

  /** 408: the body did not arrive in time. */
  timedOut(): AppError {
    return new AppError("request_timeout", `The body did not arrive within ${this.timeoutMs / 1000} s; send it at once.`);
  }
}

const globalForGate = globalThis as unknown as { bodyGate?: BodyGate };
/** The process's gate; tests put a smaller one on globalThis. */
export function bodyGate(): BodyGate {
  globalForGate.bodyGate ??= new BodyGate();
  return globalForGate.bodyGate;
}

/**
 * Collects a body's chunks, refusing more than 1 MiB without buffering it all first: by its declared
 * length, else as the chunks arrive. Both doors read bodies through this, and only once the sender is
 * authenticated or admitted by bodyGate(): a Web request in app/_http/request-body.ts, a node:http
 * request on the ingestion fast path (app/_server).
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
