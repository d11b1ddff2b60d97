import { createHmac } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDatabase } from "@/db/client";
import { updateIntegration } from "@/db/queries/integrations";
import { tempDir } from "@/db/test/temp-db";
import { BodyGate } from "@/lib/api/body";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { createApiToken } from "@/lib/auth/tokens";
import { getConfig } from "@/lib/config/config";
import { createIntegration, integrationKey } from "@/lib/webhooks/integrations";
import { POST as postDeployments } from "@/app/api/v1/deployments/route";
import { POST as postIncident } from "@/app/api/v1/incidents/route";
import { POST as postWebhook } from "@/app/api/v1/webhooks/[source]/[integration]/route";
import { POST as postWebhookBySource } from "@/app/api/v1/webhooks/[source]/route";

/*
 * Issue 15, item 7: no door reads a body before its sender is known from the headers (or, for bodies
 * signed over themselves, before an enabled integration and a signature are there, and then within a
 * cap), and no body may take longer than the gate's timeout. Bodies here never end, and count what was
 * pulled from them: a refusal must pull nothing.
 */
const t = tempDir();
process.env.DATABASE_URL = `file:${t.file}`;
const global = globalThis as unknown as { bodyGate?: BodyGate };
afterEach(() => void (global.bodyGate = undefined));
afterAll(() => t.cleanup());

let ingest = "";
let reader = "";
let github = { id: 0, secret: "" };
let opsgenie = { id: 0, secret: "" };
let disabled = { id: 0, secret: "" };
beforeAll(async () => {
  const db = getDatabase();
  ingest = (await createApiToken(db, CLI_ACTOR, { name: "ci", role: "ingest" })).token;
  reader = (await createApiToken(db, CLI_ACTOR, { name: "dash", role: "read" })).token;
  const key = await integrationKey(db, getConfig().secret);
  const add = async (source: "github" | "opsgenie", name: string) => {
    const { integration, secret } = await createIntegration(db, CLI_ACTOR, key, { source, name });
    return { id: integration.id, secret };
  };
  github = await add("github", "gh");
  opsgenie = await add("opsgenie", "og");
  disabled = await add("github", "old");
  await db.transaction((tx) => updateIntegration(tx, disabled.id, { disabledAt: new Date() }));
});

/** A body that drips a byte every few milliseconds and never ends; `pulled` counts the reads asked of it. */
function endless() {
  const seen = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        seen.pulled++;
        await new Promise((resolve) => setTimeout(resolve, 5));
        controller.enqueue(new TextEncoder().encode(seen.pulled === 1 ? "{" : " "));
      },
    },
    // Nothing is read ahead: a pull happens only when the route reads.
    { highWaterMark: 0 },
  );
  return { stream, seen };
}

const post = (path: string, headers: Record<string, string>, body: ReadableStream<Uint8Array>) =>
  new Request(`http://tandem.test${path}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body, duplex: "half" } as RequestInit);
const route = <P extends Record<string, string>>(params: P) => ({ params: Promise.resolve(params) });
const sign = (secret: string) => `sha256=${createHmac("sha256", secret).update("{}").digest("hex")}`;
const github$ = (id: number, headers: Record<string, string>, body: ReadableStream<Uint8Array>) =>
  postWebhook(post(`/api/v1/webhooks/github/${id}`, { "x-github-event": "push", ...headers }, body), route({ source: "github", integration: String(id) }));

describe("bodies are read only after the headers authenticate their sender", () => {
  it.each([
    ["no token", {}, 401],
    ["an unknown token", { authorization: "Bearer tdm_unknown" }, 401],
    ["a malformed header", { authorization: "Basic abc" }, 401],
    ["a read token", { authorization: "" }, 403],
  ])("the API refuses %s before reading the body", async (_, headers: Record<string, string>, status) => {
    if ("authorization" in headers && headers.authorization === "") headers = { authorization: `Bearer ${reader}` };
    for (const handler of [postDeployments, postIncident]) {
      const { stream, seen } = endless();
      const response = await handler(post("/api/v1/x", headers, stream), route({}));
      expect(response.status).toBe(status);
      expect(seen.pulled).toBe(0);
    }
  });

  it("a webhook whose token is in a header is refused before its body is read", async () => {
    const { stream, seen } = endless();
    const response = await postWebhook(post(`/api/v1/webhooks/opsgenie/${opsgenie.id}`, { authorization: "Bearer wrong" }, stream), route({ source: "opsgenie", integration: String(opsgenie.id) }));
    expect(response.status).toBe(401);
    expect(seen.pulled).toBe(0);
  });

  it("a body-signed webhook needs an enabled integration and a signature header before its body is read", async () => {
    const cases: Array<[string, () => Promise<Response>, ReturnType<typeof endless>]> = [];
    const add = (name: string, send: (body: ReadableStream<Uint8Array>) => Promise<Response>) => {
      const e = endless();
      cases.push([name, () => send(e.stream), e]);
    };
    add("no signature", (b) => github$(github.id, {}, b));
    add("a malformed signature", (b) => github$(github.id, { "x-hub-signature-256": "sha256=zz" }, b));
    add("an unknown integration", (b) => github$(999_999, { "x-hub-signature-256": sign("x") }, b));
    add("a disabled integration", (b) => github$(disabled.id, { "x-hub-signature-256": sign(disabled.secret) }, b));
    add("another source's integration", (b) => github$(opsgenie.id, { "x-hub-signature-256": sign(opsgenie.secret) }, b));
    add("no PagerDuty integration at all", (b) => postWebhookBySource(post("/api/v1/webhooks/pagerduty", { "x-pagerduty-signature": `v1=${"a".repeat(64)}` }, b), route({ source: "pagerduty" })));
    for (const [name, send, { seen }] of cases) {
      const response = await send();
      expect(response.status, name).toBe(401);
      expect(seen.pulled, name).toBe(0);
    }
    const { stream, seen } = endless();
    const unsigned = await github$(github.id, {}, stream);
    expect((await unsigned.json()).error.message).toBe("The delivery carries no X-Hub-Signature-256 signature.");
    expect(seen.pulled).toBe(0);
  });
});

describe("slow and unverified bodies are bounded", () => {
  it("answers 408 to an authenticated body that does not arrive within the timeout", async () => {
    global.bodyGate = new BodyGate(50);
    const { stream } = endless();
    const started = performance.now();
    const response = await postDeployments(post("/api/v1/deployments", { authorization: `Bearer ${ingest}` }, stream), route({}));
    expect(response.status).toBe(408);
    expect(await response.json()).toEqual({ error: { code: "request_timeout", message: "The body did not arrive within 0.05 s; send it at once." } });
    expect(performance.now() - started).toBeLessThan(2_000);
    const webhook = await postWebhook(post(`/api/v1/webhooks/opsgenie/${opsgenie.id}`, { authorization: `Bearer ${opsgenie.secret}` }, endless().stream), route({ source: "opsgenie", integration: String(opsgenie.id) }));
    expect(webhook.status).toBe(408);
  });

  it("reads at most the cap of unverified bodies at once: the next sender gets 503 with Retry-After, unread", async () => {
    global.bodyGate = new BodyGate(300, 2);
    const held = [0, 1].map(() => github$(github.id, { "x-hub-signature-256": sign("guess") }, endless().stream));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const { stream, seen } = endless();
    const turnedAway = await github$(github.id, { "x-hub-signature-256": sign("guess") }, stream);
    expect(turnedAway.status).toBe(503);
    expect(turnedAway.headers.get("retry-after")).toBe("5");
    expect((await turnedAway.json()).error.code).toBe("unavailable");
    expect(seen.pulled).toBe(0);
    expect((await Promise.all(held)).map((r) => r.status)).toEqual([408, 408]);
    // Their places are free again: a signed body is read and verified.
    const body = new ReadableStream<Uint8Array>({ start: (c) => (c.enqueue(new TextEncoder().encode("{}")), c.close()) });
    expect((await github$(github.id, { "x-hub-signature-256": sign(github.secret) }, body)).status).toBe(400);
  });
});
