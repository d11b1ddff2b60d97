import { createHmac, createVerify, generateKeyPairSync } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { allRows, execute, firstRow } from "@/db/raw";
import { processDatabase } from "@/db/test/engine";
import { findIntegration, updateIntegration } from "@/db/queries/integrations";
import { createApiToken } from "@/lib/auth/tokens";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { POST as addFreeze } from "@/app/api/v1/freezes/route";
import { DELETE as liftFreeze } from "@/app/api/v1/freezes/[id]/route";
import { PUT as putService } from "@/app/api/v1/services/[slug]/route";
import { POST as fileChange } from "@/app/api/v1/changes/route";
import { POST as byPath } from "@/app/api/v1/webhooks/[source]/[integration]/route";
import { TEST_NOW } from "@/lib/testing/clock";
import { parseGitHub } from "./github";
import { createIntegration, integrationKey } from "./integrations";
import { processProtectionRequests, setIntegrationCredential, WAIT_LIMIT_MS } from "./protection";
import { changeFromText, DEFAULT_CONFIG } from "./types";

/*
 * GitHub deployment protection rules and blocked GitLab deployments, answered through a fake GitHub API
 * and a fake GitLab API on loopback (TEST_NOW is 2026-11-20 14:30 UTC).
 */

const database = processDatabase();
const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048, privateKeyEncoding: { type: "pkcs8", format: "pem" }, publicKeyEncoding: { type: "spki", format: "pem" } });

type Seen = { method: string; path: string; headers: http.IncomingHttpHeaders; body: string };
let seen: Seen[] = [];
/** How many of the next calls the fake APIs fail with 502. */
let failNext = 0;
let api = "";
const server = http.createServer((request, response) => {
  let body = "";
  request.on("data", (chunk: Buffer) => (body += chunk.toString()));
  request.on("end", () => {
    seen.push({ method: request.method!, path: request.url!, headers: request.headers, body });
    if (failNext > 0) {
      failNext--;
      response.writeHead(502).end("bad gateway");
    } else if (request.url!.endsWith("/access_tokens")) response.writeHead(201, { "content-type": "application/json" }).end(JSON.stringify({ token: "ghs_installation_token" }));
    else if (request.url!.startsWith("/gitlab/")) response.writeHead(201, { "content-type": "application/json" }).end(JSON.stringify({ status: "approved" }));
    else response.writeHead(204).end();
  });
});

const tokens: Record<string, string> = {};
let key: Buffer;
const hooks = { github: { id: 0, secret: "" }, gitlab: { id: 0, secret: "" } };

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  api = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const db = database.db();
  tokens.admin = (await createApiToken(db, CLI_ACTOR, { name: "admin", role: "admin" })).token;
  key = await integrationKey(db, undefined);
  const gh = await createIntegration(db, CLI_ACTOR, key, { source: "github", name: "Acme App" });
  const gl = await createIntegration(db, CLI_ACTOR, key, { source: "gitlab", name: "Acme GitLab", secret: "gitlab-hook-token-0123" });
  hooks.github = { id: gh.integration.id, secret: gh.secret };
  hooks.gitlab = { id: gl.integration.id, secret: gl.secret };
  await db.transaction(async (tx) => {
    await updateIntegration(tx, gh.integration.id, { config: { ...gh.integration.config, appId: "4242", apiBaseUrl: api, serviceMap: { "acme/shop": "shop", "acme/edge": "edge" } } });
    await updateIntegration(tx, gl.integration.id, { config: { ...gl.integration.config, apiBaseUrl: `${api}/gitlab`, serviceMap: { "acme/shop": "shop" } } });
  });
  await setIntegrationCredential(db, CLI_ACTOR, key, (await findIntegration(db.read, gh.integration.id))!, privateKey);
  await setIntegrationCredential(db, CLI_ACTOR, key, (await findIntegration(db.read, gl.integration.id))!, "glpat-secret-token-value");
  for (const slug of ["shop", "edge"]) expect((await call(putService, "PUT", `/api/v1/services/${slug}`, slug === "edge" ? { requireChange: ["production"] } : {}, { slug })).status).toBe(201);
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  seen = [];
  failNext = 0;
});

const call = (handler: (r: Request, c: { params: Promise<Record<string, string>> }) => Promise<Response>, method: string, path: string, body?: unknown, params: Record<string, string> = {}) =>
  handler(new Request(`http://tandem.test${path}`, { method, headers: { authorization: `Bearer ${tokens.admin}`, "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) }), { params: Promise.resolve(params) });

let run = 1000;
function protectionRule(repo: string, o: { description?: string; callback?: string } = {}) {
  run++;
  return {
    action: "requested",
    environment: "production",
    event: "push",
    deployment_callback_url: o.callback ?? `${api}/repos/${repo}/actions/runs/${run}/deployment_protection_rule`,
    deployment: { id: run, sha: "a".repeat(40), ref: "main", description: o.description ?? null, payload: {}, environment: "production" },
    repository: { full_name: repo },
    installation: { id: 77 },
  };
}
async function deliverGitHub(payload: unknown) {
  const body = JSON.stringify(payload);
  const request = new Request(`http://tandem.test/api/v1/webhooks/github/${hooks.github.id}`, {
    method: "POST",
    headers: { "x-github-event": "deployment_protection_rule", "x-github-delivery": crypto.randomUUID(), "x-hub-signature-256": `sha256=${createHmac("sha256", hooks.github.secret).update(body).digest("hex")}`, "content-type": "application/json" },
    body,
  });
  return byPath(request, { params: Promise.resolve({ source: "github", integration: String(hooks.github.id) }) });
}
const process = (at: Date = new Date()) => processProtectionRequests(database.db(), key, { now: at, timeoutMs: 2_000 });
const later = (ms: number) => new Date(Date.now() + ms);
const gateDecisions = async () => Number((await firstRow<{ n: number }>(database.db().read, sql`select count(*) as "n" from "gate_decisions"`))!.n);
const deliveries = (integrationId: number) => allRows<{ event: string; outcome: string; status: number; message: string }>(database.db().read, sql`select "event", "outcome", "status", "message" from "webhook_deliveries" where "integration_id" = ${integrationId} and "delivery_id" is null order by "id"`);
const waiting = async () => allRows<{ id: number; state: string; attempts: number }>(database.db().read, sql`select "id", "state", "attempts" from "protection_requests" where "state" = 'waiting'`);

function verifyJwt(authorization: string | undefined) {
  const [scheme, jwt] = (authorization ?? "").split(" ");
  expect(scheme).toBe("Bearer");
  const [header, claims, signature] = jwt!.split(".");
  expect(createVerify("RSA-SHA256").update(`${header}.${claims}`).verify(publicKey, Buffer.from(signature!, "base64url"))).toBe(true);
  expect(JSON.parse(Buffer.from(claims!, "base64url").toString())).toMatchObject({ iss: "4242" });
}

describe("GitHub deployment protection rules", () => {
  it("keeps a request waiting during a freeze (recording the denial once) and approves it when the freeze is lifted, with the App's token flow", async () => {
    const created = await call(addFreeze, "POST", "/api/v1/freezes", { name: "Peak", startsAt: "2026-11-20T00:00:00Z", endsAt: "2026-11-23T00:00:00Z", reason: "peak" });
    const freeze = await created.json();
    const response = await deliverGitHub(protectionRule("acme/shop"));
    expect(response.status).toBe(200);
    const decisions = await gateDecisions();
    expect(await process()).toBe(1);
    expect(await process(later(3_000))).toBe(1);
    // Denied: GitHub's rejection would fail the job for good, so nothing is sent while the gate may still allow it.
    expect(seen).toEqual([]);
    expect(await gateDecisions()).toBe(decisions + 1);
    expect(await waiting()).toHaveLength(1);

    expect((await call(liftFreeze, "DELETE", `/api/v1/freezes/${freeze.id}`, undefined, { id: String(freeze.id) })).status).toBe(204);
    expect(await process(later(6_000))).toBe(1);
    expect(seen.map((s) => `${s.method} ${s.path}`)).toEqual(["POST /app/installations/77/access_tokens", `POST /repos/acme/shop/actions/runs/${run}/deployment_protection_rule`]);
    verifyJwt(seen[0]!.headers.authorization);
    expect(seen[1]!.headers.authorization).toBe("token ghs_installation_token");
    expect(JSON.parse(seen[1]!.body)).toEqual({ environment_name: "production", state: "approved", comment: "Tandem's gate allows this deployment." });
    expect(await gateDecisions()).toBe(decisions + 2);
    expect(await waiting()).toEqual([]);
    expect((await deliveries(hooks.github.id)).at(-1)).toMatchObject({ event: "deployment_protection_rule.answer", outcome: "applied" });
  });

  it("approves a deployment naming change:N in its description once that change is approved", async () => {
    const filed = await call(fileChange, "POST", "/api/v1/changes", { title: "Ship it", service: "edge", type: "normal", risk: "low", plannedStart: "2026-11-20T14:00:00Z", plannedEnd: "2026-11-20T18:00:00Z" });
    const id = (await filed.json()).id as number;
    await deliverGitHub(protectionRule("acme/edge", { description: `Release for change:${id}` }));
    await process();
    expect(seen).toEqual([]);
    await database.db().transaction((tx) => execute(tx, sql`update "change_requests" set "status" = 'approved' where "id" = ${id}`));
    await process(later(3_000));
    expect(JSON.parse(seen.at(-1)!.body)).toEqual({ environment_name: "production", state: "approved", comment: `Tandem's gate allows this deployment with change request ${id}.` });
  });

  it("rejects with the reasons as comment only when the request is still denied after the waiting limit", async () => {
    await deliverGitHub(protectionRule("acme/edge"));
    await process();
    expect(seen).toEqual([]);
    await process(new Date(TEST_NOW.getTime() + WAIT_LIMIT_MS + 60_000));
    expect(JSON.parse(seen.at(-1)!.body)).toMatchObject({ state: "rejected", comment: expect.stringContaining("Tandem's gate denies this deployment: edge deploys to production only with an approved change request") });
    expect(await waiting()).toEqual([]);
  });

  it("retries a failing callback with backoff and shows each failure in the delivery log; one server answers a request", async () => {
    await deliverGitHub(protectionRule("acme/shop"));
    failNext = 1;
    await process();
    expect(seen).toHaveLength(1);
    const [request] = await waiting();
    expect(request!.attempts).toBe(1);
    expect((await deliveries(hooks.github.id)).at(-1)).toMatchObject({ event: "deployment_protection_rule.answer", outcome: "failed", status: 502, message: expect.stringContaining("GitHub's installation token API: HTTP 502") });
    // Not due again before its backoff, and two servers at once answer it once.
    expect(await process(later(500))).toBe(0);
    const counts = await Promise.all([process(later(5_000)), process(later(5_000))]);
    expect(counts.sort()).toEqual([0, 1]);
    expect(seen.filter((s) => s.path.includes("deployment_protection_rule"))).toHaveLength(1);
    expect(await waiting()).toEqual([]);
    const log = JSON.stringify(await deliveries(hooks.github.id));
    expect(log).not.toContain("ghs_installation_token");
    expect(log).not.toContain("PRIVATE KEY");
  });

  it("never sends the installation token to a callback URL off the integration's API", async () => {
    await deliverGitHub(protectionRule("acme/shop", { callback: "http://127.0.0.2:9/steal" }));
    await process();
    expect(seen).toEqual([]);
    expect((await deliveries(hooks.github.id)).at(-1)).toMatchObject({ outcome: "failed", message: expect.stringContaining("the callback URL is not on") });
    await database.db().transaction((tx) => execute(tx, sql`update "protection_requests" set "state" = 'rejected' where "state" = 'waiting'`));
  });
});

describe("GitLab blocked deployments", () => {
  it("approves a blocked deployment through the deployment approval API with the access token", async () => {
    const body = JSON.stringify({
      object_kind: "deployment",
      status: "blocked",
      status_changed_at: "2026-11-20 14:29:00 UTC",
      deployment_id: 99,
      environment: "production",
      project: { id: 7, path_with_namespace: "acme/shop" },
      commit_url: `https://gitlab.example.com/acme/shop/-/commit/${"b".repeat(40)}`,
      commit_title: "Release",
      ref: "main",
    });
    const response = await byPath(
      new Request(`http://tandem.test/api/v1/webhooks/gitlab/${hooks.gitlab.id}`, { method: "POST", headers: { "x-gitlab-event": "Deployment Hook", "x-gitlab-token": hooks.gitlab.secret, "content-type": "application/json" }, body }),
      { params: Promise.resolve({ source: "gitlab", integration: String(hooks.gitlab.id) }) },
    );
    expect(response.status).toBe(200);
    await process();
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ method: "POST", path: "/gitlab/projects/7/deployments/99/approval" });
    expect(seen[0]!.headers["private-token"]).toBe("glpat-secret-token-value");
    expect(JSON.parse(seen[0]!.body)).toEqual({ status: "approved", comment: "Tandem's gate allows this deployment." });
    expect((await deliveries(hooks.gitlab.id)).at(-1)).toMatchObject({ event: "deployment.approval", outcome: "applied" });
  });

  it("refuses a credential that is not a private key or token with the field named, storing nothing", async () => {
    const db = database.db();
    const gh = (await findIntegration(db.read, hooks.github.id))!;
    await expect(setIntegrationCredential(db, CLI_ACTOR, key, gh, "not a key")).rejects.toMatchObject({ status: 400, message: expect.stringContaining("credential: must be the GitHub App's private key") });
    expect((await findIntegration(db.read, hooks.github.id))!.credentialSealed).toBe(gh.credentialSealed);
    await expect(setIntegrationCredential(db, CLI_ACTOR, key, (await findIntegration(db.read, hooks.gitlab.id))!, "has spaces in it")).rejects.toMatchObject({ status: 400 });
  });
});

describe("the change a deployment names", () => {
  it("reads change:N or change #N from a text, and a GitHub deployment's payload.change before its description", () => {
    expect(changeFromText("Release for change:42")).toBe(42);
    expect(changeFromText("CHANGE #7 hotfix")).toBe(7);
    expect(changeFromText("exchange:5 or changes:6")).toBeNull();
    expect(changeFromText(undefined)).toBeNull();
    const parse = (deployment: Record<string, unknown>) => {
      const parsed = parseGitHub({ headers: new Headers({ "x-github-event": "deployment_protection_rule" }), body: { ...protectionRule("acme/shop"), deployment: { ...protectionRule("acme/shop").deployment, ...deployment } }, config: DEFAULT_CONFIG });
      const [effect] = parsed.effects;
      return effect?.kind === "protection" ? effect.ask.changeRequest : undefined;
    };
    expect(parse({ payload: { change: 12 }, description: "change:13" })).toBe(12);
    expect(parse({ payload: { change: "14" } })).toBe(14);
    expect(parse({ payload: {}, description: "change:13" })).toBe(13);
    expect(parse({ payload: { change: -1 } })).toBeNull();
  });
});
