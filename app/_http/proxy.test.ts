import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { unstable_doesMiddlewareMatch } from "next/experimental/testing/server";
import { config, proxy } from "@/proxy";

const post = (headers: Record<string, string>, body: BodyInit = "x") => new NextRequest("http://tandem.test/settings", { method: "POST", headers: { host: "tandem.test", ...headers }, body });

function multipart(): { body: FormData } {
  const body = new FormData();
  body.append("$ACTION_ID_0123456789abcdef", "");
  body.append("name", "x");
  return { body };
}

describe("proxy: forms posted from another site", () => {
  // Issue 15: a cross-site multipart post without Next-Action reached Next's own check and got a 500.
  it.each([
    ["a server action fetch", { "next-action": "0123456789abcdef", "content-type": "text/plain;charset=UTF-8" }],
    ["a multipart form without Next-Action", {}],
    ["a urlencoded form without Next-Action", { "content-type": "application/x-www-form-urlencoded" }],
    ["a text/plain post", { "content-type": "text/plain" }],
  ])("%s from another origin is refused with 403", async (_, headers) => {
    const request = Object.keys(headers).length === 0 ? post({ origin: "https://evil.example" }, multipart().body) : post({ origin: "https://evil.example", ...headers });
    const response = proxy(request);
    expect(response.status).toBe(403);
    expect(await response.text()).toBe("Forms of this site can only be sent from this site.");
  });

  it("refuses an opaque origin (a sandboxed frame sends Origin: null)", () => {
    expect(proxy(post({ origin: "null" }, multipart().body)).status).toBe(403);
  });

  it("lets the same site's posts through, and a post without an Origin (Next decides those)", () => {
    expect(proxy(post({ origin: "http://tandem.test" }, multipart().body)).status).toBe(200);
    expect(proxy(post({ origin: "http://tandem.test", "next-action": "0123456789abcdef" })).status).toBe(200);
    expect(proxy(post({}, multipart().body)).status).toBe(200);
    expect(proxy(new NextRequest("http://tandem.test/settings", { headers: { origin: "https://evil.example" } })).status).toBe(200);
  });
});

describe("proxy: which paths it runs for", () => {
  it.each([
    ["/", true],
    ["/api-docs", true],
    ["/metrics-guide", true],
    ["/settings", true],
    // Never the routes: for a proxy, Next reads a request's whole body before the route could refuse its sender.
    ["/api/v1/deployments", false],
    ["/api/health", false],
    ["/api", false],
    ["/metrics", false],
    ["/_next/static/chunks/app.js", false],
    ["/_next/image?url=x", false],
    ["/favicon.ico", false],
    ["/screenshots/overview.png", false],
  ])("%s: %s", (url, runs) => {
    expect(unstable_doesMiddlewareMatch({ config, url })).toBe(runs);
  });

  it("leaves prefetches alone", () => {
    expect(unstable_doesMiddlewareMatch({ config, url: "/settings", headers: { "next-router-prefetch": "1" } })).toBe(false);
  });
});
