import { createHmac } from "node:crypto";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "@/db/test/temp-db";
import { runCli } from "@/lib/cli/run";
import { captureIo } from "@/lib/cli/test-io";
import { POST } from "@/app/api/v1/webhooks/[source]/[integration]/route";
import { fixtureText } from "./fixtures";
import { parseGitHub } from "./github";
import { parseGitLab } from "./gitlab";
import { DEFAULT_CONFIG, type WebhookSource } from "./types";

/*
 * Issue 15, item 9: an event already applied is not applied again when it comes back with a new or
 * missing delivery id, or re-serialized (other bytes, same event): 200 "duplicate", no row written.
 */
const t = tempDir();
process.env.DATABASE_URL = `file:${t.file}`;
afterAll(() => t.cleanup());

const setups = new Map<WebhookSource, { id: string; secret: string }>();
beforeAll(async () => {
  for (const source of ["github", "gitlab", "pagerduty", "opsgenie", "alertmanager", "cdevents"] as const) {
    const io = captureIo({ DATABASE_URL: `file:${t.file}` });
    expect(await runCli(["integration", "add", "--source", source, "--name", source], io)).toBe(0);
    setups.set(source, { id: io.stdout.at(-2)!.split("/").at(-1)!, secret: io.stdout.at(-1)! });
  }
});

/** Every table a delivery can write to, the receipts and the delivery log aside. */
const DATA = ["deployments", "commits", "deployment_commits", "pushes", "incidents", "incident_updates", "services", "timeline_events", "audit_log"];
const rows = () => {
  const db = new Database(t.file, { readonly: true });
  const counts = Object.fromEntries(DATA.map((table) => [table, (db.prepare(`select count(*) n from ${table}`).get() as { n: number }).n]));
  db.close();
  return counts;
};

/** Sends a body as the tool would, with `delivery` as its delivery id header (none: left out). */
async function deliver(source: WebhookSource, body: string, o: { event?: string; delivery?: string } = {}) {
  const { id, secret } = setups.get(source)!;
  const hmac = createHmac("sha256", secret).update(body).digest("hex");
  const delivery: Record<string, string> = o.delivery === undefined ? {} : source === "github" ? { "x-github-delivery": o.delivery } : { "x-gitlab-event-uuid": o.delivery };
  const headers: Record<string, string> =
    source === "github"
      ? { "x-github-event": o.event!, "x-hub-signature-256": `sha256=${hmac}`, ...delivery }
      : source === "gitlab"
        ? { "x-gitlab-token": secret, ...delivery }
        : source === "pagerduty"
          ? { "x-pagerduty-signature": `v1=${hmac}` }
          : { authorization: `Bearer ${secret}` };
  const response = await POST(new Request(`http://tandem.test/api/v1/webhooks/${source}/${id}`, { method: "POST", headers, body }), { params: Promise.resolve({ source, integration: id }) });
  return { status: response.status, json: await response.json() };
}

/** The same event in other bytes: what a sender's retry or an attacker's re-encoding may look like. */
const reserialized = (body: string) => JSON.stringify(JSON.parse(body), null, 1);

const APPLIED: Array<[WebhookSource, string, string?]> = [
  ["github", "push.branch.with-commit.payload.json", "push"],
  ["github", "deployment.payload.json", "deployment"],
  ["github", "deployment_status.payload.json", "deployment_status"],
  ["gitlab", "deployment.json"],
  ["gitlab", "deployment_hook__failed.json"],
  ["pagerduty", "incident.triggered.v3.json"],
  ["opsgenie", "create.json"],
  ["alertmanager", "alert.firing.json"],
  ["cdevents", "service_deployed.json"],
  ["cdevents", "incident_detected.json"],
];

describe("replays by body", () => {
  it("records a signed GitHub push once, however often it comes back with a new or missing X-GitHub-Delivery", async () => {
    const body = fixtureText("github", "push.branch.with-commit.payload.json");
    const before = rows();
    expect((await deliver("github", body, { event: "push", delivery: "first" })).json.status).toBe("applied");
    const after = rows();
    expect(after.pushes).toBe(before.pushes! + 1);
    for (const delivery of ["second", "third", undefined, "fourth"]) {
      expect(await deliver("github", body, { event: "push", delivery })).toEqual({ status: 200, json: { status: "duplicate" } });
    }
    expect(rows()).toEqual(after);
  });

  it.each(APPLIED)("%s %s: applied once, then a duplicate with a new delivery id, without one, and re-serialized", async (source, name, event) => {
    const body = fixtureText(source, name);
    const first = await deliver(source, body, { event, delivery: `${name}-1` });
    expect([200, 201]).toContain(first.status);
    const applied = rows();
    for (const [text, delivery] of [[body, `${name}-2`], [body, undefined], [reserialized(body), `${name}-3`], [reserialized(body), undefined]] as const) {
      expect(await deliver(source, text, { event, delivery })).toEqual({ status: 200, json: { status: "duplicate" } });
    }
    expect(rows()).toEqual(applied);
  });

  it("applies the next event of the same deployment: a new status is not a replay", async () => {
    const payload = JSON.parse(fixtureText("github", "deployment_status.payload.json")) as { deployment_status: { id: number; state: string } };
    payload.deployment_status = { ...payload.deployment_status, id: payload.deployment_status.id + 1, state: "failure" };
    const next = await deliver("github", JSON.stringify(payload), { event: "deployment_status", delivery: "next-status" });
    expect(next.json.status).toBe("applied");
    expect(next.json.results[0]).toMatch(/updated \(failure\)$/);
  });

  it("records a push that moves the same ref further: a new push is not a replay", async () => {
    const push = JSON.parse(fixtureText("github", "push.branch.with-commit.payload.json")) as { before: string; after: string; commits: Array<{ id: string }> };
    const moved = { ...push, before: push.after, after: "a".repeat(40), commits: push.commits.map((c) => ({ ...c, id: "a".repeat(40) })) };
    expect((await deliver("github", JSON.stringify(moved), { event: "push", delivery: "moved" })).json.status).toBe("applied");
  });
});

describe("CDEvents: an event is its source, id and type", () => {
  const query = <T>(statement: string, ...params: unknown[]) => {
    const db = new Database(t.file, { readonly: true });
    const row = db.prepare(statement).get(...params) as T;
    db.close();
    return row;
  };

  it("applies the fixtures' detection then resolution, which share a source and id, and takes a redelivery of either as a duplicate", async () => {
    const detected = fixtureText("cdevents", "incident_detected.json");
    // Applied here, or already by the replay tests above.
    expect((await deliver("cdevents", detected)).status).toBe(200);
    const resolved = fixtureText("cdevents", "incident_resolved.json");
    expect((await deliver("cdevents", resolved)).json).toMatchObject({ status: "applied", results: [expect.stringMatching(/updated \(resolved\)$/)] });
    expect(query("select status, resolved_at from incidents where external_id = ?", "cdevents:incident:incident-123")).toEqual({ status: "resolved", resolved_at: Date.parse("2022-11-11T13:52:20.079Z") });
    const applied = rows();
    for (const body of [detected, reserialized(detected), resolved, reserialized(resolved)]) {
      expect(await deliver("cdevents", body)).toEqual({ status: 200, json: { status: "duplicate" } });
    }
    expect(rows()).toEqual(applied);
  });

  it("records the fixtures' rollback as a deployment of its own beside the deployment sent with the same source and id", async () => {
    const deployed = fixtureText("cdevents", "service_deployed.json");
    expect((await deliver("cdevents", deployed)).status).toBe(200);
    const before = rows();
    const rolledBack = fixtureText("cdevents", "service_rolledback.json");
    expect((await deliver("cdevents", rolledBack)).json).toMatchObject({ status: "applied", results: [expect.stringMatching(/^deployment \d+ recorded \(success\)$/)] });
    expect(rows().deployments).toBe(before.deployments! + 1);
    const unplanned = (externalId: string) => query<{ unplanned: number }>("select unplanned from deployments where external_id = ?", externalId).unplanned;
    expect([unplanned("cdevents:271069a8-fc18-44f1-b38f-9d70a1695819"), unplanned("cdevents:service.rolledback:271069a8-fc18-44f1-b38f-9d70a1695819")]).toEqual([0, 1]);
    expect(await deliver("cdevents", reserialized(rolledBack))).toEqual({ status: 200, json: { status: "duplicate" } });
  });

  it("applies an event whose id another source used", async () => {
    const event = JSON.parse(fixtureText("cdevents", "incident_reported.json")) as { context: { source: string } };
    event.context.source = "/monitoring/prod2";
    expect((await deliver("cdevents", JSON.stringify(event))).json.status).toBe("applied");
  });
});

describe("receipts", () => {
  it("keep an identity of any length at a bounded size, and still recognise its replay", async () => {
    const payload = JSON.parse(fixtureText("github", "deployment.payload.json")) as { deployment: { id: number } };
    const body = JSON.stringify({ ...payload, deployment: { ...payload.deployment, id: payload.deployment.id + 1_000 } });
    const delivery = "d".repeat(3_000);
    expect((await deliver("github", body, { event: "deployment", delivery })).status).toBeLessThan(300);
    expect(await deliver("github", body, { event: "deployment", delivery })).toEqual({ status: 200, json: { status: "duplicate" } });
    const db = new Database(t.file, { readonly: true });
    const longest = (db.prepare("select max(length(delivery_id)) n from webhook_receipts").get() as { n: number }).n;
    db.close();
    // An index entry must fit PostgreSQL's btree (about 2.7 KB); the long id is kept as its digest.
    expect(longest).toBeLessThanOrEqual(300);
  });
});

describe("the payload identity of events the fixtures apply only when configured", () => {
  it("GitHub workflow_run: the run, its attempt and the action, so a re-run is a new event", () => {
    const payload = JSON.parse(fixtureText("github", "workflow_run.completed.payload.json")) as { workflow_run: Record<string, unknown>; workflow?: { name?: string } };
    const config = { ...DEFAULT_CONFIG, deploymentWorkflows: [payload.workflow_run.name, payload.workflow?.name, payload.workflow_run.path].filter((n): n is string => Boolean(n)) };
    const parse = (body: unknown) => parseGitHub({ headers: new Headers({ "x-github-event": "workflow_run" }), body, config }).payloadId;
    expect(parse(payload)).toBe(`workflow_run:${payload.workflow_run.id}:${payload.workflow_run.run_attempt}:completed`);
    expect(parse({ ...payload, workflow_run: { ...payload.workflow_run, run_attempt: 2 } })).not.toBe(parse(payload));
  });

  it("GitLab pipeline: the pipeline, its status and finish time, so a second success after a retried job is a new event", () => {
    const payload = JSON.parse(fixtureText("gitlab", "pipeline.json")) as { object_attributes: Record<string, unknown> };
    const parse = (body: unknown) => parseGitLab({ headers: new Headers(), body, config: { ...DEFAULT_CONFIG, pipelinesAsDeployments: true } }).payloadId;
    const attributes = payload.object_attributes;
    expect(parse(payload)).toBe(`pipeline:${attributes.id}:${attributes.status}:${attributes.finished_at}`);
    expect(parse({ ...payload, object_attributes: { ...attributes, finished_at: "2030-01-01 00:00:00 UTC" } })).not.toBe(parse(payload));
  });
});
