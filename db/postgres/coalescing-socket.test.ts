import net from "node:net";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { postgresAvailable, postgresServer } from "../test/postgres";
import { CoalescingSocket } from "./coalescing-socket";

/** A CoalescingSocket that counts the writes it hands to the operating system. */
class Counted extends CoalescingSocket {
  writes = 0;
  override _writev(chunks: { chunk: unknown; encoding: BufferEncoding }[], callback: (error?: Error | null) => void): void {
    this.writes++;
    super._writev!(chunks, callback);
  }
  override _write(chunk: unknown, encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.writes++;
    super._write(chunk, encoding, callback);
  }
}

describe("CoalescingSocket", () => {
  const closing: (() => void)[] = [];
  afterEach(() => closing.splice(0).forEach((close) => close()));

  async function connected(): Promise<{ socket: Counted; received: () => string }> {
    let text = "";
    const server = net.createServer((s) => s.on("data", (d) => (text += d.toString()))).listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    const socket = new Counted();
    socket.connect((server.address() as net.AddressInfo).port, "127.0.0.1");
    await new Promise((resolve) => socket.once("connect", resolve));
    closing.push(() => (socket.destroy(), server.close()));
    return { socket, received: () => text };
  }

  /** What pg does for each statement: cork, write its messages, uncork. */
  const statement = (socket: net.Socket, text: string) => {
    socket.cork();
    socket.write(text);
    socket.write(";");
    socket.uncork();
  };

  it("sends the statements written in one stretch of code with one write, in order", async () => {
    const { socket, received } = await connected();
    statement(socket, "a");
    statement(socket, "b");
    statement(socket, "c");
    await new Promise((resolve) => setImmediate(resolve));
    expect(socket.writes).toBe(1);
    await expect.poll(received).toBe("a;b;c;");
  });

  it("sends statements written after the microtasks queued before them ran with writes of their own", async () => {
    const { socket, received } = await connected();
    statement(socket, "a");
    await Promise.resolve().then(() => statement(socket, "b"));
    await new Promise((resolve) => setImmediate(resolve));
    statement(socket, "c");
    await new Promise((resolve) => setImmediate(resolve));
    expect(socket.writes).toBe(3);
    await expect.poll(received).toBe("a;b;c;");
  });

  describe.skipIf(!postgresAvailable)("under pg with its pipeline", () => {
    const server = postgresServer();

    it("sends statements issued together in one write and answers each", async () => {
      let socket: Counted | undefined;
      const client = new pg.Client({ connectionString: await server.fresh(), pipeline: true, stream: () => (socket = new Counted()) } as pg.ClientConfig);
      await client.connect();
      try {
        const before = socket!.writes;
        const answers = await Promise.all([1, 2, 3].map((n) => client.query("select $1::int as n", [n])));
        expect(answers.map((a) => a.rows[0].n)).toEqual([1, 2, 3]);
        expect(socket!.writes - before).toBe(1);
      } finally {
        await client.end();
      }
    });
  });
});
