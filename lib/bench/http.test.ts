import { afterEach, describe, expect, it, vi } from "vitest";
import { Client } from "./http";

afterEach(() => vi.unstubAllGlobals());

/** fetch failing once as it does on a kept-alive socket the server closed while the bench was busy, then answering. */
function failingOnce(code: string) {
  const calls: string[] = [];
  vi.stubGlobal("fetch", async (url: string) => {
    calls.push(url);
    if (calls.length === 1) throw new TypeError("fetch failed", { cause: Object.assign(new Error(code), { code }) });
    return new Response("ok");
  });
  return calls;
}

describe("the bench's client", () => {
  it.each(["UND_ERR_SOCKET", "EPIPE", "ECONNRESET"])("sends a request again once when the socket was found closed (%s)", async (code) => {
    const calls = failingOnce(code);
    expect(await new Client("http://bench").text("/api/v1/deployments", { method: "POST", body: "{}" })).toBe("ok");
    expect(calls).toEqual(["http://bench/api/v1/deployments", "http://bench/api/v1/deployments"]);
  });

  it("does not send again after any other failure", async () => {
    const calls = failingOnce("ECONNREFUSED");
    await expect(new Client("http://bench").text("/")).rejects.toThrow("fetch failed");
    expect(calls).toHaveLength(1);
  });
});
