import http from "node:http";
import type { AddressInfo } from "node:net";
import { sql } from "drizzle-orm";
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { POST } from "@/app/api/v1/deployments/route";
import { getDatabase } from "@/db/client";
import { firstRow } from "@/db/raw";
import { holdWriteLock } from "@/db/test/write-lock";
import { createApiToken, hashToken, revokeApiToken } from "@/lib/auth/tokens";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { withApiLimit } from "@/lib/testing/api-limit";
import { BodyGate } from "@/lib/api/body";
import { deploymentsApiSuite } from "@/lib/ingest/deployments-api.suite";
import { SECURITY_HEADERS } from "@/lib/security/headers";
import { hostileJson } from "@/lib/testing/bad-input";
import { GroupCommit } from "@/lib/ingest/group-commit";
import { isIngestion, serveIngestion } from "./ingest-fast-path";

let server: http.Server | undefined;
let base = "";
let passedOn = 0;
let writer: GroupCommit | undefined;

/** The fast path in front of a stand-in for Next that only counts what reaches it. */
function start(): Promise<void> {
  server = http.createServer((request, response) => {
    if (isIngestion(request)) return void serveIngestion(request, response, (writer ??= new GroupCommit(getDatabase())));
    passedOn++;
    response.writeHead(404).end("next");
  });
  return new Promise((resolve) => server!.listen(0, "127.0.0.1", () => resolve()));
}

const fastPost = (body: BodyInit, authorization: string, headers: Record<string, string> = {}) =>
  fetch(`${base}/api/v1/deployments`, { method: "POST", headers: { authorization, "content-type": "application/json", ...headers }, body });

const database = deploymentsApiSuite({
  name: "production server fast path",
  start: async () => {
    await start();
    base = `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
  },
  stop: () => new Promise((resolve) => server!.close(() => resolve())),
  post: (body, authorization) => fastPost(body, authorization),
});

const deployments = async () => (await firstRow<{ n: number }>(database.db().read, sql`select count(*) as "n" from "deployments"`))!.n;

/** A post that declares 500 bytes and sends 20, then waits: its answer must come without the rest. */
function halfSent(headers: Record<string, string>): Promise<{ status: number; connection: string | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${base}/api/v1/deployments`, { method: "POST", headers: { "content-length": "500", "content-type": "application/json", ...headers } });
    request.on("response", (response) => {
      let body = "";
      response.on("data", (chunk: Buffer) => (body += chunk.toString()));
      response.on("end", () => {
        request.destroy();
        resolve({ status: response.statusCode!, connection: response.headers.connection, body });
      });
    });
    request.on("error", reject);
    request.write('{"service":"web","st');
  });
}

describe("the ingestion fast path", () => {
  it("answers only POST /api/v1/deployments (with or without a query); everything else goes on to Next", async () => {
    const at = (method: string, url: string) => isIngestion({ method, url } as http.IncomingMessage);
    expect(at("POST", "/api/v1/deployments")).toBe(true);
    expect(at("POST", "/api/v1/deployments?dry=1")).toBe(true);
    for (const [method, url] of [["GET", "/api/v1/deployments"], ["POST", "/api/v1/deployments/"], ["POST", "/api/v1/deployments/7"], ["POST", "/api/v1/deploymentsx"], ["POST", "/api/v1/incidents"], ["PUT", "/api/v1/deployments"]]) {
      expect(at(method!, url!)).toBe(false);
    }
    const before = passedOn;
    expect((await fetch(`${base}/api/v1/deployments?limit=1`)).status).toBe(404);
    expect(passedOn).toBe(before + 1);
  });

  it("sends the security headers Next gives every response, on success and on refusal", async () => {
    for (const response of [await fastPost("{", "Bearer nope"), await fastPost(JSON.stringify({ service: "web", status: "success", finishedAt: new Date().toISOString() }), "Bearer nope")]) {
      for (const { key, value } of SECURITY_HEADERS) expect(response.headers.get(key)).toBe(value);
      expect(response.headers.get("content-type")).toBe("application/json");
    }
  });

  it("refuses a token holder's streamed body over 1 MiB with 413 and closes the connection, writing nothing", async () => {
    const token = `Bearer ${(await createApiToken(database.db(), CLI_ACTOR, { name: "big", role: "ingest" })).token}`;
    const before = await deployments();
    const huge = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 17; i++) controller.enqueue(new TextEncoder().encode("x".repeat(64 * 1024)));
        controller.close();
      },
    });
    const response = await fetch(`${base}/api/v1/deployments`, { method: "POST", headers: { authorization: token, "content-type": "application/json" }, body: huge, duplex: "half" } as RequestInit);
    expect(response.status).toBe(413);
    expect(response.headers.get("connection")).toBe("close");
    expect((await response.json()).error.code).toBe("payload_too_large");
    expect(await deployments()).toBe(before);
  });

  it("writes nothing, logs no failure and stays up when a client leaves mid-body", async () => {
    const before = await deployments();
    const logged = vi.spyOn(console, "error");
    await new Promise<void>((resolve) => {
      const request = http.request(`${base}/api/v1/deployments`, { method: "POST", headers: { "content-length": "500", authorization: "Bearer x" } });
      request.on("error", () => resolve());
      request.write('{"service":"web","status":"succ', () => setTimeout(() => request.destroy(), 20));
      request.on("close", () => resolve());
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(logged).not.toHaveBeenCalled();
    logged.mockRestore();
    expect(await deployments()).toBe(before);
    expect((await fastPost("{", "Bearer x")).status).toBe(401);
  });

  it("refuses a stranger from the headers at once, without waiting for or reading the body (issue 15, item 7)", async () => {
    const reader = `Bearer ${(await createApiToken(database.db(), CLI_ACTOR, { name: "reader", role: "read" })).token}`;
    for (const [authorization, status] of [[undefined, 401], ["Bearer tdm_unknown", 401], [reader, 403]] as const) {
      const answer = await halfSent(authorization ? { authorization } : {});
      expect(answer.status).toBe(status);
      expect(answer.connection).toBe("close");
    }
  });

  it("answers 408 to a token holder's body that does not arrive within the timeout, and closes the connection", async () => {
    const token = `Bearer ${(await createApiToken(database.db(), CLI_ACTOR, { name: "slow", role: "ingest" })).token}`;
    const global = globalThis as unknown as { bodyGate?: BodyGate };
    global.bodyGate = new BodyGate(100);
    try {
      const answer = await halfSent({ authorization: token });
      expect(answer.status).toBe(408);
      expect(answer.connection).toBe("close");
      expect(JSON.parse(answer.body).error.code).toBe("request_timeout");
    } finally {
      global.bodyGate = undefined;
    }
  });

  it("refuses a malformed Authorization header at once, even while another process holds the write lock", async () => {
    const release = await holdWriteLock(database.url());
    try {
      const response = await fastPost(JSON.stringify({ service: "web", status: "success", finishedAt: new Date().toISOString() }), "Basic abc");
      expect(response.status).toBe(401);
    } finally {
      await release();
    }
  });

  it("refuses a token revoked after this server let it in with 401, whatever its body, writing nothing", async () => {
    const { token, record } = await createApiToken(database.db(), CLI_ACTOR, { name: "revoked later", role: "ingest" });
    const body = (id: string) => JSON.stringify({ service: "web", status: "success", finishedAt: new Date().toISOString(), externalId: id });
    // Let in once, so this server knows it and lets it in next time without reading it.
    expect((await fastPost(body("before-revoke"), `Bearer ${token}`)).status).toBe(201);
    await revokeApiToken(database.db(), CLI_ACTOR, record.id);
    const before = await deployments();
    // Each time as a server that still knows it: a refusal forgets it, and the next request would read it.
    const stillKnown = () => writer!.known.remember(hashToken(token), record);
    for (const text of [body("after-revoke"), "{", JSON.stringify({ service: "web" })]) {
      stillKnown();
      const response = await fastPost(text, `Bearer ${token}`);
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toBe("Bearer");
      expect(writer!.known.get(hashToken(token))).toBeUndefined();
    }
    await withApiLimit(1, async () => {
      for (const id of ["within-limit", "past-limit"]) {
        stillKnown();
        expect((await fastPost(body(id), `Bearer ${token}`)).status).toBe(401);
      }
    });
    expect(await deployments()).toBe(before);
  });

  it("counts a token's requests through both doors against one rate limit, answering 429 with Retry-After", async () => {
    const token = `Bearer ${(await createApiToken(database.db(), CLI_ACTOR, { name: "limited", role: "ingest" })).token}`;
    await withApiLimit(2, async () => {
      const body = (id: string) => JSON.stringify({ service: "web", status: "success", finishedAt: new Date().toISOString(), externalId: id });
      const viaRoute = await POST(new Request("http://tandem.test/api/v1/deployments", { method: "POST", headers: { authorization: token }, body: body("limit-1") }), { params: Promise.resolve({}) });
      expect(viaRoute.status).toBe(201);
      expect((await fastPost(body("limit-2"), token)).status).toBe(201);
      const refused = await fastPost(body("limit-3"), token);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
      expect((await refused.json()).error.code).toBe("rate_limited");
    });
  });

  it("answers exactly as Next's route does, for any body", async () => {
    const before = await deployments();
    const body = fc.oneof(
      hostileJson.map((v) => JSON.stringify(v) ?? ""),
      fc.string({ maxLength: 60 }),
      fc.uint8Array({ maxLength: 60 }).map((bytes) => Buffer.from(bytes).toString("latin1")),
    );
    const authorization = fc.constantFrom("", "Bearer", "Basic abc", "Bearer tdm_unknown", "bearer  tdm_x  ");
    await fc.assert(
      fc.asyncProperty(body, authorization, async (text, auth) => {
        const viaRoute = await POST(new Request("http://tandem.test/api/v1/deployments", { method: "POST", headers: auth ? { authorization: auth } : {}, body: text }), { params: Promise.resolve({}) });
        const viaFastPath = await fetch(`${base}/api/v1/deployments`, { method: "POST", headers: auth ? { authorization: auth } : {}, body: text });
        expect(viaFastPath.status).toBe(viaRoute.status);
        expect(await viaFastPath.json()).toEqual(await viaRoute.json());
        expect(viaFastPath.headers.get("www-authenticate")).toBe(viaRoute.headers.get("www-authenticate"));
      }),
      { numRuns: 150 },
    );
    expect(await deployments()).toBe(before);
  });
});
