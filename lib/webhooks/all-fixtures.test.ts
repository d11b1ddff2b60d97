import { createHmac } from "node:crypto";
import fs from "node:fs";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "@/db/test/temp-db";
import { runCli } from "@/lib/cli/run";
import { captureIo } from "@/lib/cli/test-io";
import { POST } from "@/app/api/v1/webhooks/[source]/[integration]/route";
import { fixturesDir, fixtureText } from "./fixtures";
import { WEBHOOK_SOURCES, type WebhookSource } from "./types";

/** Every shared payload, end to end through the webhook endpoint. */
const GITHUB_EVENTS: Record<string, string> = {
  "deployment.payload.json": "deployment",
  "deployment_status.payload.json": "deployment_status",
  "deployment_review.requested.payload.json": "deployment_review",
  "pull_request.closed.merged.DERIVED.payload.json": "pull_request",
  "pull_request.closed.payload.json": "pull_request",
  "push.branch.with-commit.payload.json": "push",
  "push.tag.payload.json": "push",
  "release.published.payload.json": "release",
  "workflow_job.queued.with-deployment.payload.json": "workflow_job",
  "workflow_run.completed.payload.json": "workflow_run",
};

/** What each fixture must do: the HTTP status, and which table gains a row (if any). */
const EXPECTED: Record<string, { status: number; adds?: "deployments" | "incidents" | "commits" }> = {
  "github/deployment.payload.json": { status: 200, adds: "deployments" },
  "github/deployment_status.payload.json": { status: 200 },
  "github/push.branch.with-commit.payload.json": { status: 200, adds: "commits" },
  "gitlab/deployment.json": { status: 200, adds: "deployments" },
  "gitlab/deployment_hook__failed.json": { status: 200, adds: "deployments" },
  "pagerduty/incident.triggered.v3.json": { status: 200, adds: "incidents" },
  "pagerduty/incident.priority_updated.v3.json": { status: 200, adds: "incidents" },
  "opsgenie/create.json": { status: 200, adds: "incidents" },
  "alertmanager/alert.firing.json": { status: 200, adds: "incidents" },
  "cdevents/service_deployed.json": { status: 200, adds: "deployments" },
  // The conformance examples give the deployment and its rollback one source and id: two events all the same.
  "cdevents/service_rolledback.json": { status: 200, adds: "deployments" },
  "cdevents/incident_detected.json": { status: 200, adds: "incidents" },
  // The same incident as incident_detected: reported, then resolved.
  "cdevents/incident_reported.json": { status: 200 },
  "cdevents/incident_resolved.json": { status: 200 },
  // Lifecycle events for incidents these fixtures never opened: acknowledged, nothing to update.
  "pagerduty/incident.acknowledged.v3.json": { status: 200 },
  "pagerduty/incident.resolved.v3.json": { status: 200 },
  "opsgenie/acknowledge.json": { status: 200 },
  "opsgenie/close.json": { status: 200 },
};

const t = tempDir();
process.env.DATABASE_URL = `file:${t.file}`;
afterAll(() => t.cleanup());

async function integration(source: WebhookSource) {
  const io = captureIo({ DATABASE_URL: `file:${t.file}` });
  expect(await runCli(["integration", "add", "--source", source, "--name", source], io)).toBe(0);
  return { path: io.stdout.at(-2)!, secret: io.stdout.at(-1)! };
}

function headers(source: WebhookSource, name: string, body: string, secret: string): Record<string, string> {
  const hmac = createHmac("sha256", secret).update(body).digest("hex");
  if (source === "github") return { "x-github-event": GITHUB_EVENTS[name]!, "x-github-delivery": name, "x-hub-signature-256": `sha256=${hmac}` };
  if (source === "gitlab") return { "x-gitlab-token": secret };
  if (source === "pagerduty") return { "x-pagerduty-signature": `v1=${hmac}` };
  return { authorization: `Bearer ${secret}` };
}

const count = (table: string) => {
  const db = new Database(t.file, { readonly: true });
  const n = (db.prepare(`select count(*) n from ${table}`).get() as { n: number }).n;
  db.close();
  return n;
};

describe("every shared webhook fixture through the endpoint", () => {
  const setups = new Map<WebhookSource, Awaited<ReturnType<typeof integration>>>();
  beforeAll(async () => {
    for (const source of WEBHOOK_SOURCES) setups.set(source, await integration(source));
  });

  for (const source of WEBHOOK_SOURCES) {
    for (const name of fs.readdirSync(fixturesDir(source)).filter((f) => f.endsWith(".json")).sort()) {
      it(`${source}/${name}`, async () => {
        const setup = setups.get(source)!;
        const body = fixtureText(source, name);
        const expected = EXPECTED[`${source}/${name}`] ?? { status: 202 };
        const before = expected.adds ? count(expected.adds) : 0;
        const [, , , , , id] = setup.path.split("/");
        const response = await POST(new Request(`http://tandem.test${setup.path}`, { method: "POST", headers: headers(source, name, body, setup.secret), body }), {
          params: Promise.resolve({ source, integration: id! }),
        });
        const json = await response.json();
        expect({ status: response.status, json }).toMatchObject({ status: expected.status });
        if (expected.adds) expect(count(expected.adds)).toBeGreaterThan(before);
      });
    }
  }
});
