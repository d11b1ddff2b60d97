import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { MAX_BODY_BYTES } from "@/lib/api/body";
import { readJsonBody } from "./request-body";

const post = (body: BodyInit, headers: Record<string, string> = {}) => new Request("http://t/x", { method: "POST", body, headers });
const failure = async (request: Request) => {
  try {
    await readJsonBody(request);
  } catch (e) {
    return e as AppError;
  }
  throw new Error("expected a failure");
};

describe("readJsonBody", () => {
  it("parses JSON", async () => {
    expect(await readJsonBody(post('{"a":1}'))).toEqual({ a: 1 });
  });
  it("refuses a body over 1 MiB with 413, whether or not its length is declared", async () => {
    const big = "x".repeat(MAX_BODY_BYTES + 1);
    expect((await failure(post(big))).status).toBe(413);
    const stream = new ReadableStream({ start: (c) => (c.enqueue(new TextEncoder().encode(big)), c.close()) });
    expect((await failure(new Request("http://t/x", { method: "POST", body: stream, duplex: "half" } as RequestInit))).status).toBe(413);
  });
  it("names empty, non-UTF-8 and malformed bodies", async () => {
    expect((await failure(post(""))).message).toBe("The body is empty; send a JSON object.");
    expect((await failure(post(new Uint8Array([0xff, 0xfe])))).message).toBe("The body is not valid UTF-8.");
    expect((await failure(post("{nope"))).message).toMatch(/^The body is not valid JSON: /);
  });
});
