import { describe, expect, it } from "vitest";
import { deploymentInputSchema } from "@/lib/ingest/schema";
import { fixture } from "./fixtures";
import { parseGitHub } from "./github";
import { DEFAULT_CONFIG, type IntegrationConfig } from "./types";

const parse = (event: string, name: string, config: Partial<IntegrationConfig> = {}) =>
  parseGitHub({ headers: new Headers({ "x-github-event": event, "x-github-delivery": `d-${name}` }), body: fixture("github", name), config: { ...DEFAULT_CONFIG, ...config } });

describe("GitHub webhooks", () => {
  it("deployment → a queued deployment keyed by the GitHub deployment id", () => {
    const p = parse("deployment", "deployment.payload.json");
    expect(p.deliveryId).toBe("d-deployment.payload.json");
    expect(p.effects).toEqual([
      {
        kind: "deployment",
        body: {
          service: "hello-world",
          environment: "production",
          sha: "f95f852bd8fca8fcc58a9a2d6c842781e32a215e",
          version: "master",
          status: "queued",
          startedAt: "2019-05-15T15:20:53.000Z",
          externalId: "github:deployment:145988746",
          deployedBy: "Codertocat",
        },
      },
    ]);
    expect(deploymentInputSchema.safeParse((p.effects[0] as { body: unknown }).body).success).toBe(true);
  });

  it("deployment_status success → the same deployment, finished", () => {
    const p = parse("deployment_status", "deployment_status.payload.json", { serviceMap: { "Codertocat/Hello-World": "hello" } });
    expect(p.event).toBe("deployment_status.success");
    expect(p.effects[0]).toMatchObject({ kind: "deployment", body: { service: "hello", status: "success", finishedAt: "2019-05-15T15:20:55.000Z", externalId: "github:deployment:145988746" } });
    expect(deploymentInputSchema.safeParse((p.effects[0] as { body: unknown }).body).success).toBe(true);
  });

  it("push to a branch → its commits, oldest first; tag pushes are ignored", () => {
    const p = parse("push", "push.branch.with-commit.payload.json");
    expect(p.effects).toEqual([
      {
        kind: "push",
        push: {
          service: "hello-world",
          ref: "refs/heads/master",
          before: "0000000000000000000000000000000000000000",
          after: "6113728f27ae82c7b1a177c8d03f9e96e0adf246",
          forced: false,
          commits: [{ sha: "6113728f27ae82c7b1a177c8d03f9e96e0adf246", timestamp: new Date("2019-05-15T15:19:25Z"), message: "Initial commit", author: "Codertocat" }],
          at: new Date("2019-05-15T15:19:25Z"),
        },
      },
    ]);
    expect(parse("push", "push.tag.payload.json")).toMatchObject({ effects: [], ignoredReason: "push to refs/tags/simple-tag is not a branch" });
  });

  it("workflow_run counts only for configured workflows", () => {
    const name = (fixture("github", "workflow_run.completed.payload.json") as { workflow: { name: string } }).workflow.name;
    expect(parse("workflow_run", "workflow_run.completed.payload.json")).toMatchObject({ effects: [], ignoredReason: `workflow "${name}" is not configured as a deployment` });
    const p = parse("workflow_run", "workflow_run.completed.payload.json", { deploymentWorkflows: [name] });
    expect(p.effects[0]).toMatchObject({ kind: "deployment", body: { status: "success", sha: "3484a3fb816e0859fd6e1cea078d76385ff50625", finishedAt: "2020-10-05T16:33:49.000Z" } });
    expect(deploymentInputSchema.safeParse((p.effects[0] as { body: unknown }).body).success).toBe(true);
  });

  it.each([
    ["pull_request", "pull_request.closed.payload.json"],
    ["pull_request", "pull_request.closed.merged.DERIVED.payload.json"],
    ["release", "release.published.payload.json"],
    ["workflow_job", "workflow_job.queued.with-deployment.payload.json"],
    ["deployment_review", "deployment_review.requested.payload.json"],
  ])("%s (%s) is acknowledged and ignored", (event, name) => {
    expect(parse(event, name)).toMatchObject({ effects: [], ignoredReason: `event ${event} is not used` });
  });

  it("a deployment payload without its deployment is a payload error", () => {
    expect(() => parseGitHub({ headers: new Headers({ "x-github-event": "deployment" }), body: {}, config: DEFAULT_CONFIG })).toThrow("deployment is missing or not an object");
  });
});
