import { describe, expect, it } from "vitest";
import { memoryDb } from "@/db/test/temp-db";
import { changeStream } from "./event-stream";

const decoder = new TextDecoder();
const write = (db: ReturnType<typeof memoryDb>["db"], n: number) => db.sqlite.prepare("insert into settings (key, value) values (?, 'x')").run(`k${n}`);

async function next(reader: ReadableStreamDefaultReader<Uint8Array>, within = 2_000): Promise<string | null> {
  const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error("no message in time")), within));
  const { value, done } = await Promise.race([reader.read(), timeout]);
  return done ? null : decoder.decode(value);
}

describe("changeStream", () => {
  it.each([
    ["answered at once", (allowed: () => boolean) => allowed],
    ["read from the database", (allowed: () => boolean) => async () => allowed()],
  ])("speaks Server-Sent Events: the version at once, again after each write, then gone when no longer allowed (%s)", async (_, asked) => {
    const { db } = memoryDb();
    const abort = new AbortController();
    let allowed = true;
    const response = changeStream(db, abort.signal, asked(() => allowed));
    expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("no-cache, no-transform");
    const reader = response.body!.getReader();
    const first = await next(reader);
    expect(first).toMatch(/^retry: 1000\ndata: \S+\n\n$/);

    write(db, 1);
    const second = await next(reader, 1_000);
    expect(second).toMatch(/^data: \S+\n\n$/);
    expect(second).not.toBe(first!.replace("retry: 1000\n", ""));

    allowed = false;
    write(db, 2);
    expect(await next(reader, 1_000)).toBe("event: gone\ndata: {}\n\n");
    expect(await next(reader)).toBeNull();
  });

  it("with a content version, tells only the writes that move it, and under that version (issue 15, item 8)", async () => {
    const { db } = memoryDb();
    const abort = new AbortController();
    let content = "before";
    const reader = changeStream(db, abort.signal, () => true, async () => content).body!.getReader();
    expect(await next(reader)).toBe("retry: 1000\ndata: before\n\n");
    write(db, 1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    content = "after";
    write(db, 2);
    expect(await next(reader, 1_000)).toBe("data: after\n\n");
    abort.abort();
  });

  it("ends when the client goes away", async () => {
    const { db } = memoryDb();
    const abort = new AbortController();
    const reader = changeStream(db, abort.signal, () => true).body!.getReader();
    await next(reader);
    abort.abort();
    expect(await next(reader)).toBeNull();
  });
});
