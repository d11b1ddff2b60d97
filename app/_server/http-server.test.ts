import net from "node:net";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { createTandemServer, SLOW_CLIENT_LIMITS } from "./http-server";

describe("the production server's limits on slow clients (issue 15, item 7)", () => {
  it("are seconds, not node's 300 s, and checked every second", () => {
    expect(SLOW_CLIENT_LIMITS.requestTimeout).toBeLessThanOrEqual(15_000);
    expect(SLOW_CLIENT_LIMITS.headersTimeout).toBeLessThanOrEqual(10_000);
    expect(SLOW_CLIENT_LIMITS.connectionsCheckingInterval).toBeLessThanOrEqual(1_000);
  });

  it("answer 408 and close a connection whose request never finishes arriving", async () => {
    let reached = 0;
    const server = createTandemServer(() => void reached++, { headersTimeout: 200, requestTimeout: 300, connectionsCheckingInterval: 50 });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const answer = await new Promise<string>((resolve, reject) => {
        const socket = net.connect(port, "127.0.0.1", () => socket.write("POST /x HTTP/1.1\r\nHost: t\r\nContent-Length: 100\r\n\r\n{"));
        let text = "";
        socket.on("data", (chunk) => (text += chunk.toString()));
        socket.on("close", () => resolve(text));
        socket.on("error", reject);
      });
      expect(answer).toMatch(/^HTTP\/1\.1 408 /);
      expect(reached).toBe(1);
    } finally {
      server.close();
    }
  });
});
