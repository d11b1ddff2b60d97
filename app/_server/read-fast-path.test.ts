import http from "node:http";
import type { AddressInfo } from "node:net";
import fc from "fast-check";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { GET as metricsRoute } from "@/app/api/v1/metrics/route";
import { GET as timelineRoute } from "@/app/api/v1/timeline/route";
import { processDatabase } from "@/db/test/engine";
import { scenario } from "@/db/test/scenario";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { withApiLimit } from "@/lib/testing/api-limit";
import { createApiToken } from "@/lib/auth/tokens";
import { parseOrRefuse } from "@/lib/api/endpoint";
import { recordDeployments } from "@/lib/ingest/deployments";
import { deploymentPostSchema } from "@/lib/ingest/schema";
import { SECURITY_HEADERS } from "@/lib/security/headers";
import { TEST_NOW } from "@/lib/testing/clock";
import { fastRead, serveRead } from "./read-fast-path";
import { acceptsGzip } from "./send-reply";

const database = processDatabase();
const tokens: Record<"read" | "ingest", string> = { read: "", ingest: "" };
let server: http.Server;
let base = "";
let passedOn = 0;

beforeAll(async () => {
  const db = database.db();
  const s = scenario(db);
  const a = await s.deploy({ service: "api", team: "core", finishedAt: "2026-03-03T12:00:00Z", commits: [{ sha: "c1", at: "2026-03-03T10:00:00Z" }] });
  await s.deploy({ service: "api", team: "core", finishedAt: "2026-03-03T12:30:00Z", rollbackOf: a });
  await s.deploy({ service: "web", team: "growth", finishedAt: "2026-03-11T12:00:00Z", commits: [{ sha: "c3", at: "2026-03-11T08:00:00Z" }] });
  await s.incident({ service: "web", startedAt: "2026-03-12T09:00:00Z", acknowledgedAt: "2026-03-12T09:06:00Z", resolvedAt: "2026-03-12T10:00:00Z" });
  // Through the recording use case, so the timeline has events to page through.
  const recorded = parseOrRefuse(deploymentPostSchema, { deployments: Array.from({ length: 12 }, (_, i) => ({ service: "api", status: "success", finishedAt: `2026-11-${10 + i}T12:00:00Z`, externalId: `read-path-${i}` })) });
  await recordDeployments(db, CLI_ACTOR, "test", recorded.items, recorded.batch);
  tokens.read = `Bearer ${(await createApiToken(db, CLI_ACTOR, { name: "r", role: "read" })).token}`;
  tokens.ingest = `Bearer ${(await createApiToken(db, CLI_ACTOR, { name: "i", role: "ingest" })).token}`;
  // The read path in front of a stand-in for Next that only counts what reaches it.
  server = http.createServer((request, response) => {
    const read = fastRead(request);
    if (read) return void serveRead(request, response, db, read);
    passedOn++;
    response.writeHead(404).end("next");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const ROUTES = { "/api/v1/metrics": metricsRoute, "/api/v1/timeline": timelineRoute };
type Path = keyof typeof ROUTES;

/** The same request through Next's route handler and through the read path. */
async function bothDoors(path: Path, query: string, authorization: string) {
  const viaRoute = await ROUTES[path](new Request(`http://tandem.test${path}${query}`, { headers: { authorization } }), { params: Promise.resolve({}) });
  const viaFastPath = await fetch(`${base}${path}${query}`, { headers: { authorization } });
  return { viaRoute, viaFastPath };
}

async function expectSameAnswer({ viaRoute, viaFastPath }: Awaited<ReturnType<typeof bothDoors>>) {
  expect(viaFastPath.status).toBe(viaRoute.status);
  expect(viaFastPath.headers.get("content-type")).toBe("application/json");
  expect(viaFastPath.headers.get("retry-after")).toBe(viaRoute.headers.get("retry-after"));
  expect(await viaFastPath.json()).toEqual(await viaRoute.json());
}

describe("the read path in front of Next", () => {
  // Both doors must see the same moment: a window left open ends now.
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["Date"], now: TEST_NOW });
  });

  it("answers only a GET of exactly /api/v1/metrics or /api/v1/timeline (any query) with a token; everything else goes on to Next", async () => {
    const at = (method: string, url: string, authorization?: string) => fastRead({ method, url, headers: authorization === undefined ? {} : { authorization } } as http.IncomingMessage) !== undefined;
    for (const url of ["/api/v1/metrics", "/api/v1/metrics?service=api", "/api/v1/timeline", "/api/v1/timeline?limit=2"]) expect(at("GET", url, "Bearer x")).toBe(true);
    const others: [string, string, string | undefined][] = [
      // Without a token the timeline is the signed-in page's, answered by Next's session handling.
      ["GET", "/api/v1/timeline", undefined],
      ["GET", "/api/v1/timeline", ""],
      ["GET", "/api/v1/metrics", undefined],
      ["HEAD", "/api/v1/metrics", "Bearer x"],
      ["POST", "/api/v1/metrics", "Bearer x"],
      ["GET", "/api/v1/metrics/", "Bearer x"],
      ["GET", "/api/v1/metricsx", "Bearer x"],
      ["GET", "/api/v1/timeline/1", "Bearer x"],
      ["GET", "/metrics", "Bearer x"],
      ["GET", "/api/v1/incidents", "Bearer x"],
    ];
    for (const [method, url, authorization] of others) expect(at(method, url, authorization)).toBe(false);
    const before = passedOn;
    expect((await fetch(`${base}/api/v1/timeline?limit=1`)).status).toBe(404);
    expect(passedOn).toBe(before + 1);
  });

  it("answers the metrics and the timeline as Next's routes do, with the security headers Next sends", async () => {
    const cases: [Path, string, string][] = [
      ["/api/v1/metrics", "?from=2026-03-02T00:00:00Z&to=2026-03-16T00:00:00Z", tokens.read],
      ["/api/v1/metrics", "?from=2026-03-02T00:00:00Z&to=2026-03-16T00:00:00Z&service=web", tokens.read],
      ["/api/v1/metrics", "?from=yesterday", tokens.read],
      ["/api/v1/metrics", "", tokens.ingest],
      ["/api/v1/timeline", "?limit=2", tokens.read],
      ["/api/v1/timeline", "?limit=0", tokens.read],
      ["/api/v1/timeline", "?type=nonsense", "Bearer tdm_unknown"],
    ];
    for (const [path, query, authorization] of cases) {
      const doors = await bothDoors(path, query, authorization);
      for (const { key, value } of SECURITY_HEADERS) expect(doors.viaFastPath.headers.get(key)).toBe(value);
      await expectSameAnswer(doors);
    }
    const first = (await (await fetch(`${base}/api/v1/timeline?limit=2`, { headers: { authorization: tokens.read } })).json()) as { events: unknown[]; next: string };
    expect(first.events).toHaveLength(2);
    await expectSameAnswer(await bothDoors("/api/v1/timeline", `?limit=2&before=${first.next}`, tokens.read));
  });

  it("answers exactly as Next's routes do, for any query and any Authorization header", async () => {
    const value = fc.oneof(fc.constantFrom("2026-03-02T00:00:00Z", "2026-03-16T00:00:00Z", "api", "web", "core", "production", "deployment,incident", "5", "-1", "201", ""), fc.string({ maxLength: 30 }));
    const query = fc
      .array(fc.tuple(fc.constantFrom("from", "to", "service", "team", "environment", "limit", "before", "type", "x"), value), { maxLength: 4 })
      .map((pairs) => (pairs.length ? `?${new URLSearchParams(pairs).toString()}` : ""));
    const authorization = fc.constantFrom(tokens.read, tokens.ingest, "Bearer", "Basic abc", "Bearer tdm_unknown", "bearer  tdm_x  ");
    await fc.assert(
      fc.asyncProperty(fc.constantFrom<Path>("/api/v1/metrics", "/api/v1/timeline"), query, authorization, async (path, q, auth) => expectSameAnswer(await bothDoors(path, q, auth))),
      { numRuns: 150 },
    );
  });

  it("compresses an answer of 1 KiB or more for a client that accepts gzip, as Next does, and says the answer varies with it", async () => {
    const get = (query: string, acceptEncoding: string) => fetch(`${base}/api/v1/timeline${query}`, { headers: { authorization: tokens.read, "accept-encoding": acceptEncoding } });
    const large = await get("?limit=10", "gzip, deflate, br");
    expect(large.headers.get("content-encoding")).toBe("gzip");
    expect(large.headers.get("vary")).toBe("Accept-Encoding");
    const plain = await get("?limit=10", "identity");
    expect(plain.headers.get("content-encoding")).toBeNull();
    const text = await plain.text();
    expect(text.length).toBeGreaterThanOrEqual(1024);
    // fetch decompresses: the same JSON either way.
    expect(await large.text()).toBe(text);
    const small = await get("?limit=1&type=incident", "gzip");
    expect(small.headers.get("content-encoding")).toBeNull();
    expect(small.headers.get("vary")).toBe("Accept-Encoding");
  });

  it("reads Accept-Encoding as HTTP weighs it", () => {
    for (const header of ["gzip", "GZIP", "deflate, gzip;q=0.5", "*", "br;q=1, *;q=0.1"]) expect(acceptsGzip(header)).toBe(true);
    for (const header of [undefined, "", "identity", "br, deflate", "gzip;q=0", "gzip; q=0.0", "*;q=0", "*, gzip;q=0"]) expect(acceptsGzip(header)).toBe(false);
  });

  it("counts a token's reads through both doors against one rate limit, answering 429 with Retry-After", async () => {
    await withApiLimit(2, async () => {
      const viaRoute = await metricsRoute(new Request("http://tandem.test/api/v1/metrics", { headers: { authorization: tokens.read } }), { params: Promise.resolve({}) });
      expect(viaRoute.status).toBe(200);
      expect((await fetch(`${base}/api/v1/timeline`, { headers: { authorization: tokens.read } })).status).toBe(200);
      const refused = await fetch(`${base}/api/v1/metrics`, { headers: { authorization: tokens.read } });
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("rate_limited");
    });
  });
});
