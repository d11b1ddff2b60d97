import { test, expect } from "./support/fixtures";

test("GET /api/health answers 200 {status: ok} without authentication", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok" });
});

test("every response carries the security headers and no framework banner", async ({ request }) => {
  for (const path of ["/api/health", "/sign-in"]) {
    const headers = (await request.get(path)).headers();
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["x-powered-by"]).toBeUndefined();
  }
});

test("every page has a Content-Security-Policy whose script nonce is fresh per response and on every script", async ({ request }) => {
  const nonces = new Set<string>();
  for (let i = 0; i < 2; i++) {
    const response = await request.get("/sign-in");
    const policy = response.headers()["content-security-policy"] ?? "";
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("frame-ancestors 'none'");
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(nonce).toBeTruthy();
    nonces.add(nonce!);
    const scripts = [...(await response.text()).matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  }
  expect(nonces.size).toBe(2);
});

test("an /api/v1 path no route serves answers the API's JSON 404, while the routes beside it still answer", async ({ request }) => {
  for (const [method, path] of [["GET", "/api/v1/deployment"], ["POST", "/api/v1/services"], ["GET", "/api/v1/incidents/1/nothing"]] as const) {
    const response = await request.fetch(path, { method, data: method === "POST" ? {} : undefined });
    expect(response.status(), path).toBe(404);
    expect((await response.json()).error.code).toBe("not_found");
  }
  // Real routes beside it still answer for themselves: without a token, their own 401.
  for (const path of ["/api/v1/openapi.json", "/api/v1/metrics"]) expect((await request.get(path)).status(), path).toBe(401);
});

test("a method a route does not answer gets a JSON 405 that names the ones it does", async ({ request }) => {
  const response = await request.get("/api/v1/deployments");
  expect(response.status()).toBe(405);
  expect(response.headers()["allow"]).toBe("POST");
  expect(await response.json()).toEqual({ error: { code: "method_not_allowed", message: "/api/v1/deployments does not answer GET; it answers POST." } });
  // A path no route serves is still the API's 404.
  expect((await request.get("/api/v1/no-such-thing")).status()).toBe(404);
});
