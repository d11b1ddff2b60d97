import { createHmac } from "node:crypto";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "@/db/test/temp-db";
import { runCli } from "@/lib/cli/run";
import { captureIo } from "@/lib/cli/test-io";
import { POST as byPath } from "@/app/api/v1/webhooks/[source]/[integration]/route";
import { POST as bySource } from "@/app/api/v1/webhooks/[source]/route";
import { fixture, fixtureText } from "./fixtures";

const t = tempDir();
process.env.DATABASE_URL = `file:${t.file}`;
const env = { DATABASE_URL: `file:${t.file}` };
let github = { path: "", secret: "" };
let gitlab = { path: "", secret: "" };
let pagerduty = { path: "", secret: "" };
let opsgenie = { path: "", secret: "" };

beforeAll(async () => {
  const add = async (...args: string[]) => {
    const io = captureIo(env);
    expect(await runCli(["integration", "add", ...args], io)).toBe(0);
    return { path: io.stdout.at(-2)!, secret: io.stdout.at(-1)! };
  };
  github = await add("--source", "github", "--name", "Acme GitHub");
  gitlab = await add("--source", "gitlab", "--name", "Acme GitLab", "--secret", "gitlab-token-0123456789");
  pagerduty = await add("--source", "pagerduty", "--name", "On-call");
  opsgenie = await add("--source", "opsgenie", "--name", "Ops");
});
afterAll(() => t.cleanup());

const counts = () => {
  const db = new Database(t.file, { readonly: true });
  const n = (table: string) => (db.prepare(`select count(*) n from ${table}`).get() as { n: number }).n;
  const c = { deployments: n("deployments"), incidents: n("incidents"), commits: n("commits"), deliveries: n("webhook_deliveries"), receipts: n("webhook_receipts"), services: n("services") };
  db.close();
  return c;
};
const sign = (body: string, secret: string) => `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
function deliverGitHub(event: string, body: string, o: { delivery?: string; secret?: string; path?: string; contentType?: string } = {}) {
  const request = new Request(`http://tandem.test${o.path ?? github.path}`, {
    method: "POST",
    headers: { "x-github-event": event, "x-github-delivery": o.delivery ?? crypto.randomUUID(), "x-hub-signature-256": sign(body, o.secret ?? github.secret), "content-type": o.contentType ?? "application/json" },
    body,
  });
  const [, , , , source, id] = (o.path ?? github.path).split("/");
  return id ? byPath(request, { params: Promise.resolve({ source: source!, integration: id }) }) : bySource(request, { params: Promise.resolve({ source: source! }) });
}

describe("webhook deliveries", () => {
  it("integration add prints the path, then the secret alone on the last line", () => {
    expect(github.path).toMatch(/^\/api\/v1\/webhooks\/github\/\d+$/);
    expect(github.secret.length).toBeGreaterThanOrEqual(32);
    expect(gitlab.secret).toBe("gitlab-token-0123456789");
  });

  it("refuses a bad signature with 401 and writes nothing at all", async () => {
    const before = counts();
    const response = await deliverGitHub("deployment", fixtureText("github", "deployment.payload.json"), { secret: "wrong-secret" });
    expect(response.status).toBe(401);
    expect((await response.json()).error.code).toBe("unauthorized");
    expect(counts()).toEqual(before);
  });

  it("records a deployment, then its status on the same row, and logs both deliveries", async () => {
    const created = await deliverGitHub("deployment", fixtureText("github", "deployment.payload.json"));
    expect(created.status).toBe(200);
    const afterCreate = counts();
    const finished = await deliverGitHub("deployment_status", fixtureText("github", "deployment_status.payload.json"));
    expect(finished.status).toBe(200);
    expect((await finished.json()).results[0]).toMatch(/^deployment \d+ updated \(success\)$/);
    expect(counts().deployments).toBe(afterCreate.deployments);
    const db = new Database(t.file, { readonly: true });
    expect(db.prepare("select status, environment, sha from deployments").all()).toEqual([{ status: "success", environment: "production", sha: "f95f852bd8fca8fcc58a9a2d6c842781e32a215e" }]);
    expect(db.prepare("select event, outcome, status from webhook_deliveries order by id").all()).toEqual([
      { event: "deployment.queued", outcome: "applied", status: 200 },
      { event: "deployment_status.success", outcome: "applied", status: 200 },
    ]);
    db.close();
  });

  it("acknowledges a redelivery (same delivery id) without applying it twice", async () => {
    const body = fixtureText("github", "push.branch.with-commit.payload.json");
    expect((await deliverGitHub("push", body, { delivery: "dup-1" })).status).toBe(200);
    const before = counts();
    const again = await deliverGitHub("push", body, { delivery: "dup-1" });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ status: "duplicate" });
    expect({ ...counts(), deliveries: before.deliveries }).toEqual(before);
  });

  it("takes GitHub's form-encoded deliveries (its default content type), signed over the raw form", async () => {
    // A push this file has not sent yet (another head), so it is applied rather than a replay of the JSON one.
    const json = JSON.stringify({ ...(fixture("github", "push.branch.with-commit.payload.json") as object), before: "1".repeat(40), after: "2".repeat(40) });
    const form = new URLSearchParams({ payload: json }).toString();
    const response = await deliverGitHub("push", form, { delivery: "form-1", contentType: "application/x-www-form-urlencoded" });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "applied", results: [expect.any(String)] });
    // The same event sent again as JSON is the same delivery.
    expect(await (await deliverGitHub("push", json, { delivery: "form-1" })).json()).toEqual({ status: "duplicate" });
    const bare = counts();
    const empty = await deliverGitHub("push", "zen=hi", { contentType: "application/x-www-form-urlencoded" });
    expect(empty.status).toBe(400);
    expect((await empty.json()).error.message).toBe("The payload cannot be used: a form-encoded delivery carries its JSON in the field payload, and this one has none.");
    expect({ ...counts(), deliveries: bare.deliveries }).toEqual(bare);
  });

  it("answers 202 to an event Tandem does not use", async () => {
    const before = counts();
    const response = await deliverGitHub("release", fixtureText("github", "release.published.payload.json"));
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ status: "ignored", reason: "event release is not used" });
    expect({ ...counts(), deliveries: before.deliveries }).toEqual(before);
  });

  it("refuses malformed JSON and unusable payloads with 400, logging why and writing no data", async () => {
    const before = counts();
    expect((await deliverGitHub("deployment", "{oops")).status).toBe(400);
    const unusable = await deliverGitHub("deployment", JSON.stringify({ repository: { full_name: "a/b" } }));
    expect(unusable.status).toBe(400);
    expect((await unusable.json()).error.message).toBe("The payload cannot be used: deployment is missing or not an object.");
    expect({ ...counts(), deliveries: before.deliveries }).toEqual(before);
    expect(counts().deliveries).toBe(before.deliveries + 2);
  });

  it("refuses a push whose commit message holds an escaped NUL or lone surrogate, naming the field", async () => {
    const before = counts();
    const text = fixtureText("github", "push.branch.with-commit.payload.json");
    const payload = JSON.parse(text) as { commits: Record<string, unknown>[] };
    for (const [escaped, message] of [
      ["\\u0000", "commits.0.message: must not contain a NUL character"],
      ["\\ud800", "commits.0.message: must not contain an unpaired surrogate (it is not valid Unicode)"],
    ]) {
      const body = JSON.stringify({ ...payload, commits: payload.commits.map((c, i) => (i === 0 ? { ...c, message: "PLACEHOLDER" } : c)) }).replace("PLACEHOLDER", `fix ${escaped}`);
      const response = await deliverGitHub("push", body);
      expect(response.status).toBe(400);
      expect((await response.json()).error.message).toBe(message);
    }
    expect({ ...counts(), deliveries: before.deliveries }).toEqual(before);
  });

  it("refuses a signed body with a byte that is not UTF-8 instead of storing U+FFFD in its place", async () => {
    const before = counts();
    const text = fixtureText("github", "deployment.payload.json");
    const at = text.indexOf('"production"') + 1;
    const body = Buffer.concat([Buffer.from(text.slice(0, at)), Buffer.from([0xff]), Buffer.from(text.slice(at))]);
    const request = new Request(`http://tandem.test${github.path}`, {
      method: "POST",
      headers: { "x-github-event": "deployment", "x-github-delivery": crypto.randomUUID(), "x-hub-signature-256": `sha256=${createHmac("sha256", github.secret).update(body).digest("hex")}` },
      body,
    });
    const [, , , , source, id] = github.path.split("/");
    const response = await byPath(request, { params: Promise.resolve({ source: source!, integration: id! }) });
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toBe("The body is not valid UTF-8.");
    expect({ ...counts(), deliveries: before.deliveries }).toEqual(before);
  });

  it("also accepts deliveries at /api/v1/webhooks/{source}, matching the secret among that source's integrations", async () => {
    const response = await deliverGitHub("deployment", fixtureText("github", "deployment.payload.json"), { path: "/api/v1/webhooks/github", delivery: "plain-path-1" });
    expect(response.status).toBe(200);
  });

  it("checks GitLab's token and records its deployment", async () => {
    const body = fixtureText("gitlab", "deployment_hook__failed.json");
    const [, , , , source, id] = gitlab.path.split("/");
    const send = (token: string) =>
      byPath(new Request(`http://tandem.test${gitlab.path}`, { method: "POST", headers: { "x-gitlab-token": token, "x-gitlab-event-uuid": crypto.randomUUID() }, body }), {
        params: Promise.resolve({ source: source!, integration: id! }),
      });
    expect((await send("not-the-token")).status).toBe(401);
    const response = await send("gitlab-token-0123456789");
    expect(response.status).toBe(200);
    expect((await response.json()).results[0]).toMatch(/\(failure\)$/);
  });

  it("answers 404 for an unknown source and 401 for another source's integration id", async () => {
    const request = () => new Request("http://tandem.test/x", { method: "POST", body: "{}" });
    expect((await bySource(request(), { params: Promise.resolve({ source: "jenkins" }) })).status).toBe(404);
    const [, , , , , id] = github.path.split("/");
    expect((await byPath(request(), { params: Promise.resolve({ source: "gitlab", integration: id! }) })).status).toBe(401);
  });

  it("refuses a body over 1 MiB with 413", async () => {
    const response = await deliverGitHub("push", JSON.stringify({ pad: "x".repeat(1024 * 1024) }));
    expect(response.status).toBe(413);
  });

  it("declares an incident from a signed PagerDuty v3 delivery and one from an Opsgenie bearer delivery", async () => {
    const send = (integration: { path: string }, body: string, headers: Record<string, string>) => {
      const [, , , , source, id] = integration.path.split("/");
      return byPath(new Request(`http://tandem.test${integration.path}`, { method: "POST", headers, body }), { params: Promise.resolve({ source: source!, integration: id! }) });
    };
    const pd = fixtureText("pagerduty", "incident.triggered.v3.json");
    const signature = `v1=${createHmac("sha256", pagerduty.secret).update(pd).digest("hex")}`;
    expect((await send(pagerduty, pd, { "x-pagerduty-signature": "v1=0000" })).status).toBe(401);
    const declared = await send(pagerduty, pd, { "x-pagerduty-signature": signature });
    expect(declared.status).toBe(200);
    expect((await declared.json()).results[0]).toMatch(/^incident \d+ declared \(investigating\)$/);
    const og = fixtureText("opsgenie", "create.json");
    expect((await send(opsgenie, og, { authorization: "Bearer wrong" })).status).toBe(401);
    const created = await send(opsgenie, og, { authorization: `Bearer ${opsgenie.secret}` });
    expect(created.status).toBe(200);
    expect(counts().incidents).toBe(2);
  });

  it("follows a PagerDuty incident that is resolved and then reopened, and a reopen of an open one changes nothing", async () => {
    const [, , , , source, id] = pagerduty.path.split("/");
    const deliver = (event_type: string, occurred_at: string) => {
      const payload = JSON.parse(fixtureText("pagerduty", "incident.triggered.v3.json")) as { event: Record<string, unknown> & { data: Record<string, unknown> } };
      const body = JSON.stringify({ event: { ...payload.event, id: crypto.randomUUID(), event_type, occurred_at, data: { ...payload.event.data, id: "PREOPEN1", created_at: "2026-11-01T10:00:00Z" } } });
      const headers = { "x-pagerduty-signature": `v1=${createHmac("sha256", pagerduty.secret).update(body).digest("hex")}`, "content-type": "application/json" };
      return byPath(new Request(`http://tandem.test${pagerduty.path}`, { method: "POST", headers, body }), { params: Promise.resolve({ source: source!, integration: id! }) });
    };
    const state = () => {
      const db = new Database(t.file, { readonly: true });
      const row = db.prepare("select status, resolved_at as resolvedAt, started_at as startedAt from incidents where external_id = 'pagerduty:PREOPEN1'").get();
      db.close();
      return row;
    };
    const reopenedEarly = await deliver("incident.reopened", "2026-11-01T09:00:00Z");
    expect((await reopenedEarly.json()).results).toEqual([expect.stringMatching(/declared \(investigating\)$/), expect.stringMatching(/is already open \(investigating\)$/)]);
    expect((await deliver("incident.resolved", "2026-11-01T11:00:00Z")).status).toBe(200);
    expect(state()).toMatchObject({ status: "resolved", resolvedAt: Date.parse("2026-11-01T11:00:00Z") });
    const reopened = await deliver("incident.reopened", "2026-11-01T12:00:00Z");
    expect((await reopened.json()).results.at(-1)).toMatch(/reopened \(investigating\)$/);
    expect(state()).toEqual({ status: "investigating", resolvedAt: null, startedAt: Date.parse("2026-11-01T10:00:00Z") });
  });

  it("keeps the detection's start when CDEvents reports the same incident later, and takes an earlier one", async () => {
    const cdevents = await (async () => {
      const io = captureIo(env);
      expect(await runCli(["integration", "add", "--source", "cdevents", "--name", "CD"], io)).toBe(0);
      return { path: io.stdout.at(-2)!, secret: io.stdout.at(-1)! };
    })();
    const [, , , , source, id] = cdevents.path.split("/");
    const deliver = (fixtureName: string, timestamp: string) => {
      const payload = JSON.parse(fixtureText("cdevents", fixtureName)) as { context: Record<string, unknown>; subject: Record<string, unknown> };
      const body = JSON.stringify({ ...payload, context: { ...payload.context, id: crypto.randomUUID(), timestamp }, subject: { ...payload.subject, id: "inc-keep-start" } });
      return byPath(new Request(`http://tandem.test${cdevents.path}`, { method: "POST", headers: { authorization: `Bearer ${cdevents.secret}`, "content-type": "application/json" }, body }), {
        params: Promise.resolve({ source: source!, integration: id! }),
      });
    };
    const startedAt = () => {
      const db = new Database(t.file, { readonly: true });
      const row = db.prepare("select started_at as s from incidents where external_id = 'cdevents:incident:inc-keep-start'").get() as { s: number };
      db.close();
      return new Date(row.s).toISOString();
    };
    expect((await deliver("incident_detected.json", "2026-11-02T08:00:00Z")).status).toBe(200);
    expect((await deliver("incident_reported.json", "2026-11-02T08:20:00Z")).status).toBe(200);
    expect(startedAt()).toBe("2026-11-02T08:00:00.000Z");
    expect((await deliver("incident_reported.json", "2026-11-02T07:50:00Z")).status).toBe(200);
    expect(startedAt()).toBe("2026-11-02T07:50:00.000Z");
  });

  it("keeps a bounded prefix of a payload's event name in the delivery log", async () => {
    const [, , , , source, id] = opsgenie.path.split("/");
    const body = JSON.stringify({ ...(JSON.parse(fixtureText("opsgenie", "create.json")) as object), action: "A".repeat(100_000) });
    const response = await byPath(new Request(`http://tandem.test${opsgenie.path}`, { method: "POST", headers: { authorization: `Bearer ${opsgenie.secret}` }, body }), {
      params: Promise.resolve({ source: source!, integration: id! }),
    });
    expect(response.status).toBe(202);
    const db = new Database(t.file, { readonly: true });
    const row = db.prepare("select event, message from webhook_deliveries order by id desc limit 1").get() as { event: string; message: string };
    db.close();
    expect(row.event).toBe(`${"A".repeat(100)}…`);
    expect(row.message.length).toBeLessThanOrEqual(1001);
  });

  describe("Alertmanager", () => {
    let alertmanager = { path: "", secret: "" };
    beforeAll(async () => {
      const io = captureIo(env);
      expect(await runCli(["integration", "add", "--source", "alertmanager", "--name", "Prometheus"], io)).toBe(0);
      alertmanager = { path: io.stdout.at(-2)!, secret: io.stdout.at(-1)! };
    });
    const deliver = (patch: (alert: Record<string, unknown>, index: number) => Record<string, unknown>) => {
      const payload = JSON.parse(fixtureText("alertmanager", "alert.firing.json")) as { alerts: Record<string, unknown>[] };
      const body = JSON.stringify({ ...payload, groupKey: crypto.randomUUID(), alerts: payload.alerts.map(patch) });
      const [, , , , source, id] = alertmanager.path.split("/");
      return byPath(new Request(`http://tandem.test${alertmanager.path}`, { method: "POST", headers: { authorization: `Bearer ${alertmanager.secret}`, "content-type": "application/json" }, body }), {
        params: Promise.resolve({ source: source!, integration: id! }),
      });
    };
    const lastLog = () => {
      const db = new Database(t.file, { readonly: true });
      const row = db.prepare("select event, outcome, status, message from webhook_deliveries order by id desc limit 1").get() as { message: string };
      db.close();
      return row;
    };

    // Issue 15: a startsAt of 60,000 spaces stalled the server 19.5 s and was copied whole into the log.
    it("refuses a startsAt of 60,000 spaces at once, and logs only a short quote of it", async () => {
      const before = counts();
      const start = performance.now();
      const response = await deliver((a) => ({ ...a, startsAt: `2020-02-06T00:17:58Z${" ".repeat(60_000)}x` }));
      expect(performance.now() - start).toBeLessThan(1000);
      expect(response.status).toBe(400);
      const message = (await response.json()).error.message as string;
      expect(message).toMatch(/^The payload cannot be used: alerts\.0\.startsAt is not a time: ".{40}…" is longer than 64 characters\.$/);
      expect(lastLog()).toMatchObject({ outcome: "refused", status: 400, message });
      expect(counts()).toMatchObject({ incidents: before.incidents, deliveries: before.deliveries + 1 });
    });

    // Issue 15: "constructor" found Object.prototype.constructor in the service map: a misleading 400.
    it.each(["constructor", "toString", "__proto__"])("applies an alert whose service label is %s", async (name) => {
      const response = await deliver((a, i) => ({ ...a, fingerprint: `proto-${i}-${name}`, labels: JSON.parse(`{"alertname": "Disk", "service": ${JSON.stringify(name)}, "severity": ${JSON.stringify(name)}}`) as unknown }));
      expect(response.status).toBe(200);
      expect((await response.json()).results).toEqual([expect.stringMatching(/^incident \d+ declared/), expect.stringMatching(/^incident \d+ declared/)]);
      expect(lastLog()).toMatchObject({ outcome: "applied", status: 200 });
    });
  });
});

