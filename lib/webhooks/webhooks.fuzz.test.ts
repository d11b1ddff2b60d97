import { createHmac, randomUUID } from "node:crypto";
import fs from "node:fs";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { getDatabase } from "@/db/client";
import { webhookReceipts } from "@/db/schema";
import { processDatabase } from "@/db/test/engine";
import { writeLog, type WriteLog } from "@/db/test/write-log";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { badCharacterText, badTimestamp, brokenBody, extremeTimestamp, hostileJson, hostileString, PROTO_KEYS, prototypeName, prototypePolluted, stalledBody, whitespaceRun } from "@/lib/testing/bad-input";
import { BodyGate } from "@/lib/api/body";
import { POST as byIntegration } from "@/app/api/v1/webhooks/[source]/[integration]/route";
import { POST as bySource } from "@/app/api/v1/webhooks/[source]/route";
import { fixturesDir, fixtureText } from "./fixtures";
import { createIntegration, integrationKey } from "./integrations";
import { WEBHOOK_SOURCES, type WebhookSource } from "./types";

/**
 * Every webhook source under hostile deliveries: unsigned ones are refused with 401 and leave no
 * trace; signed ones carrying mangled payloads never cause a 5xx, and a refused one writes nothing
 * but its line in the integration's delivery log.
 */
processDatabase();

const SECRET = "fuzzing-secret-0123456789";
const ids = {} as Record<WebhookSource, string>;
let log: WriteLog;
beforeAll(async () => {
  const db = getDatabase();
  const key = await integrationKey(db, undefined);
  for (const source of WEBHOOK_SOURCES) ids[source] = String((await createIntegration(db, CLI_ACTOR, key, { source, name: source, secret: SECRET })).integration.id);
  log = await writeLog(getDatabase());
});

const GITHUB_EVENTS = ["push", "deployment", "deployment_status", "workflow_run", "workflow_job", "pull_request", "release", "ping"];

function signed(source: WebhookSource, body: Uint8Array<ArrayBuffer>, event: string): Record<string, string> {
  const hmac = createHmac("sha256", SECRET).update(body).digest("hex");
  if (source === "github") return { "x-github-event": event, "x-github-delivery": randomUUID(), "x-hub-signature-256": `sha256=${hmac}` };
  if (source === "gitlab") return { "x-gitlab-token": SECRET, "x-gitlab-event-uuid": randomUUID() };
  if (source === "pagerduty") return { "x-pagerduty-signature": `v1=${hmac}` };
  return { authorization: `Bearer ${SECRET}` };
}

function deliver(source: string, body: Uint8Array<ArrayBuffer>, headers: Record<string, string>, viaSourcePath: boolean) {
  const path = viaSourcePath ? `/api/v1/webhooks/${source}` : `/api/v1/webhooks/${source}/${ids[source as WebhookSource]}`;
  const request = new Request(`http://tandem.test${path}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
  return viaSourcePath ? bySource(request, { params: Promise.resolve({ source }) }) : byIntegration(request, { params: Promise.resolve({ source, integration: ids[source as WebhookSource] }) });
}

const encode = (text: string) => new TextEncoder().encode(text) as Uint8Array<ArrayBuffer>;

/** The shared real payloads, each with the event a sender would name for it. */
const FIXTURES = WEBHOOK_SOURCES.flatMap((source) =>
  fs
    .readdirSync(fixturesDir(source))
    .filter((f) => f.endsWith(".json"))
    .map((name) => ({ source, event: name.split(".")[0]!.split("__")[0]!, json: JSON.parse(fixtureText(source, name)) as unknown })),
);

/** Every path to a value inside a JSON document. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const here = [prefix];
  if (Array.isArray(value)) return here.concat(value.flatMap((v, i) => paths(v, [...prefix, i])));
  if (value && typeof value === "object") return here.concat(Object.entries(value).flatMap(([k, v]) => paths(v, [...prefix, k])));
  return here;
}

type Mutation = { at: number; op: "replace" | "delete" | "proto"; value: unknown };

/** A copy of `doc` with one value replaced, deleted, or given a prototype-polluting sibling key. */
function mutate(doc: unknown, m: Mutation): unknown {
  const copy = structuredClone(doc);
  const all = paths(copy);
  const path = all[m.at % all.length]!;
  if (path.length === 0) return m.op === "replace" ? m.value : copy;
  const parent = path.slice(0, -1).reduce<Record<string | number, unknown>>((node, key) => node[key] as Record<string | number, unknown>, copy as Record<string | number, unknown>);
  const key = path.at(-1)!;
  if (m.op === "delete" && !Array.isArray(parent)) delete parent[key];
  // Arrays are left alone: JSON drops their named keys anyway.
  else if (m.op === "proto" && !Array.isArray(parent)) Object.defineProperty(parent, PROTO_KEYS[m.at % 3]!, { value: m.value, enumerable: true, writable: true, configurable: true });
  else parent[key] = m.value;
  return copy;
}

const mutation: fc.Arbitrary<Mutation[]> = fc.array(
  fc.record({ at: fc.nat(), op: fc.constantFrom("replace", "replace", "replace", "delete", "proto"), value: fc.oneof(hostileJson, hostileString, badTimestamp, extremeTimestamp) }) as fc.Arbitrary<Mutation>,
  { minLength: 1, maxLength: 4 },
);

async function expectClean(response: Response, mark: number) {
  const text = await response.text();
  expect(response.status, text).toBeLessThan(500);
  if (response.status >= 400) {
    expect(JSON.parse(text).error.message.length, text).toBeGreaterThan(8);
    // The refusal is logged for the admin to see; nothing else may be written.
    expect((await log.since(mark)).filter((w) => w !== "webhook_deliveries.insert"), text).toEqual([]);
  }
  expect(prototypePolluted()).toEqual([]);
}

describe("fuzzing the webhooks", () => {
  it("refuses 600 unsigned or wrongly signed deliveries with 401 and no trace", async () => {
    const forged = fc.oneof(
      fc.constant({}),
      fc.record({ "x-hub-signature-256": hostileString.map((s) => `sha256=${s}`), "x-gitlab-token": hostileString, "x-pagerduty-signature": hostileString.map((s) => `v1=${s}`) }, { requiredKeys: [] }),
      fc.record({ authorization: fc.oneof(hostileString, hostileString.map((s) => `Bearer ${s}`)) }),
    );
    const body = fc.oneof(brokenBody.map((b) => b.bytes), fc.constantFrom(...FIXTURES).map((f) => encode(JSON.stringify(f.json))));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...WEBHOOK_SOURCES), body, forged, fc.boolean(), async (source, bytes, headers, viaSourcePath) => {
        const clean = Object.fromEntries(Object.entries(headers).filter(([, v]) => /^[\t\x20-\x7e]*$/.test(v)));
        const mark = await log.mark();
        const response = await deliver(source, bytes, { "x-github-event": "push", ...clean }, viaSourcePath);
        expect(response.status).toBe(401);
        expect(await log.since(mark)).toEqual([]);
      }),
      { numRuns: 600 },
    );
  });

  it("cuts off 60 bodies that stall with 408, or refuses their sender unread with 401, and leaves no trace", async () => {
    const gate = globalThis as unknown as { bodyGate?: BodyGate };
    gate.bodyGate = new BodyGate(20);
    // A signature of the right form for body-signed sources, the secret for the others: the sender passes what headers can tell.
    const credentials = (source: WebhookSource): Record<string, string> =>
      source === "github" ? { "x-github-event": "push", "x-hub-signature-256": `sha256=${"0".repeat(64)}` } : source === "pagerduty" ? { "x-pagerduty-signature": `v1=${"0".repeat(64)}` } : signed(source, new Uint8Array(), "push");
    try {
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...WEBHOOK_SOURCES), stalledBody, fc.boolean(), fc.boolean(), async (source, { stream }, admitted, viaSourcePath) => {
          const path = viaSourcePath ? `/api/v1/webhooks/${source}` : `/api/v1/webhooks/${source}/${ids[source]}`;
          const headers = admitted ? credentials(source) : { "x-github-event": "push" };
          const request = new Request(`http://tandem.test${path}`, { method: "POST", headers, body: stream(), duplex: "half" } as RequestInit);
          const mark = await log.mark();
          const response = viaSourcePath ? await bySource(request, { params: Promise.resolve({ source }) }) : await byIntegration(request, { params: Promise.resolve({ source, integration: ids[source] }) });
          expect(response.status).toBe(admitted ? 408 : 401);
          expect(await log.since(mark)).toEqual([]);
        }),
        { numRuns: 60 },
      );
    } finally {
      gate.bodyGate = undefined;
    }
  });

  it("never fails on 1,200 signed real payloads with mangled fields", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...FIXTURES), mutation, fc.constantFrom(...GITHUB_EVENTS), fc.boolean(), async (fixture, mutations, otherEvent, sameEvent) => {
        const body = encode(JSON.stringify(mutations.reduce(mutate, fixture.json)) ?? "null");
        // Forget earlier deliveries, or most of these would be acknowledged as redeliveries and never parsed into rows.
        await getDatabase().transaction(async (tx) => {
          await tx.delete(webhookReceipts);
        });
        const mark = await log.mark();
        await expectClean(await deliver(fixture.source, body, signed(fixture.source, body, sameEvent ? fixture.event : otherEvent), false), mark);
      }),
      { numRuns: 1200 },
    );
    // A fixed amount of work; the limit only catches a hang on a busy machine, the bench measures speed.
  }, 120_000);

  it("refuses 400 signed bodies that are not JSON objects, naming the problem", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...WEBHOOK_SOURCES), brokenBody, async (source, { bytes, label }) => {
        const mark = await log.mark();
        const response = await deliver(source, bytes, signed(source, bytes, "push"), true);
        const text = await response.clone().text();
        if (label === "invalid UTF-8") {
          expect(response.status, text).toBe(400);
          expect(text).toContain("UTF-8");
        }
        await expectClean(response, mark);
      }),
      { numRuns: 400 },
    );
  });

  /** Every string leaf of a document replaced by `replace()`; keys are kept. */
  function everyString(doc: unknown, replace: () => string): unknown {
    if (typeof doc === "string") return replace();
    if (Array.isArray(doc)) return doc.map((v) => everyString(v, replace));
    if (doc && typeof doc === "object") return Object.fromEntries(Object.entries(doc).map(([k, v]) => [k, everyString(v, replace)]));
    return doc;
  }

  /** The paths to a document's string values. */
  const stringPaths = (doc: unknown) => paths(doc).filter((p) => p.length > 0 && typeof p.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], doc) === "string");

  /** A copy of `doc` with the string at each path replaced. */
  function withStrings(doc: unknown, changes: [(string | number)[], string][]): unknown {
    const copy = structuredClone(doc) as Record<string | number, unknown>;
    for (const [path, value] of changes) {
      const parent = path.slice(0, -1).reduce<Record<string | number, unknown>>((node, k) => node[k] as Record<string | number, unknown>, copy);
      parent[path.at(-1)!] = value;
    }
    return copy;
  }

  // Issue 15: a service label "constructor" found Object.prototype's and failed with "must be text".
  it("takes prototype names in any string field as names: 300 signed payloads, no type confusion", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...FIXTURES), fc.array(fc.tuple(fc.nat(), prototypeName), { minLength: 1, maxLength: 4 }), async (fixture, picks) => {
        const strings = stringPaths(fixture.json);
        if (strings.length === 0) return;
        const doc = withStrings(fixture.json, picks.map(([at, name]) => [strings[at % strings.length]!, name]));
        await getDatabase().transaction(async (tx) => {
          await tx.delete(webhookReceipts);
        });
        const body = encode(JSON.stringify(doc));
        const mark = await log.mark();
        const response = await deliver(fixture.source, body, signed(fixture.source, body, fixture.event), false);
        expect(await response.clone().text()).not.toContain("must be text");
        await expectClean(response, mark);
      }),
      { numRuns: 300 },
    );
  });

  // Issue 15: a startsAt of 60,000 spaces stalled the server for 19.5 s.
  it("answers 150 signed payloads whose every string is a long whitespace run, each promptly", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...FIXTURES), whitespaceRun, async (fixture, run) => {
        const body = encode(JSON.stringify(everyString(fixture.json, () => run)));
        if (body.byteLength > 1024 * 1024) return;
        const mark = await log.mark();
        const start = performance.now();
        const response = await deliver(fixture.source, body, signed(fixture.source, body, fixture.event), false);
        expect(performance.now() - start).toBeLessThan(2000);
        await expectClean(response, mark);
      }),
      { numRuns: 150 },
    );
  });

  // Issue 15: "\ud800" was stored as invalid UTF-8, NUL bytes reached the CSV.
  it("refuses 200 signed payloads with a NUL or lone surrogate in some string, with a 400 naming it", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...FIXTURES), badCharacterText, fc.nat(), async (fixture, bad, at) => {
        const strings = stringPaths(fixture.json);
        if (strings.length === 0) return;
        const path = strings[at % strings.length]!;
        const body = encode(JSON.stringify(withStrings(fixture.json, [[path, bad]])));
        const mark = await log.mark();
        const response = await deliver(fixture.source, body, signed(fixture.source, body, fixture.event), false);
        const text = await response.clone().text();
        expect(response.status, text).toBe(400);
        expect(JSON.parse(text).error.message, text).toContain(path.join("."));
        await expectClean(response, mark);
      }),
      { numRuns: 200 },
    );
  });
});

