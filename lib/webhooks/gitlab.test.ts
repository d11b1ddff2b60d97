import { describe, expect, it } from "vitest";
import { deploymentInputSchema } from "@/lib/ingest/schema";
import { fixture } from "./fixtures";
import { parseGitLab } from "./gitlab";
import { DEFAULT_CONFIG, type IntegrationConfig } from "./types";

const parse = (name: string, config: Partial<IntegrationConfig> = {}) =>
  parseGitLab({ headers: new Headers({ "x-gitlab-event-uuid": `u-${name}` }), body: fixture("gitlab", name), config: { ...DEFAULT_CONFIG, ...config } });
const valid = (p: ReturnType<typeof parse>) => expect(deploymentInputSchema.safeParse((p.effects[0] as { body: unknown }).body).success).toBe(true);

describe("GitLab webhooks", () => {
  it("a successful deployment, with its full sha from the commit URL and the time in UTC", () => {
    const p = parse("deployment.json");
    expect(p.effects[0]).toEqual({
      kind: "deployment",
      body: {
        service: "test-deployment-webhooks",
        environment: "staging",
        sha: "279484c09fbe69ededfced8c1bb6e6d24616b468",
        version: "1.0.0",
        status: "success",
        finishedAt: "2021-04-28T19:50:00.000Z",
        externalId: "gitlab:deployment:15",
        deployedBy: "user1",
        url: "http://10.126.0.2:3000/root/test-deployment-webhooks/-/jobs/796",
      },
    });
    valid(p);
  });

  it("a failed production deployment", () => {
    const p = parse("deployment_hook__failed.json", { environmentMap: { production: "prod" } });
    expect(p.effects[0]).toMatchObject({ body: { status: "failure", environment: "prod", finishedAt: "2025-05-02T12:30:19.000Z", externalId: "gitlab:deployment:988604916" } });
    valid(p);
  });

  it("an approval of a protected environment is not a deployment status Tandem uses", () => {
    expect(parse("deployment_hook__approval.json")).toMatchObject({ effects: [], ignoredReason: "deployment status approved is not used" });
  });

  it("pipelines count only when configured as deployments", () => {
    expect(parse("pipeline.json")).toMatchObject({ effects: [], ignoredReason: "pipelines are not configured as deployments" });
    const p = parse("pipeline.json", { pipelinesAsDeployments: true });
    expect(p.effects[0]).toMatchObject({ body: { service: "gitlab-test", status: "success", sha: "bcbb5ec396a2c0f828686f14fac9b80b780504f2", startedAt: "2016-08-12T15:23:28.000Z", finishedAt: "2016-08-12T15:26:29.000Z", externalId: "gitlab:pipeline:31" } });
    valid(p);
  });

  it("merge requests are ignored", () => {
    expect(parse("merge_request.json")).toMatchObject({ effects: [], ignoredReason: "event merge_request is not used" });
  });

  it("records a push's commits oldest first", () => {
    const p = parseGitLab({
      headers: new Headers(),
      body: {
        object_kind: "push",
        ref: "refs/heads/main",
        before: "a".repeat(40),
        after: "c".repeat(40),
        project: { path_with_namespace: "acme/api" },
        commits: [
          { id: "c".repeat(40), timestamp: "2026-03-10T11:00:00+01:00", message: "two", author: { name: "Ada" } },
          { id: "b".repeat(40), timestamp: "2026-03-10T09:00:00+00:00", message: "one", author: { name: "Ada" } },
        ],
      },
      config: DEFAULT_CONFIG,
    });
    expect(p.effects[0]).toMatchObject({ kind: "push", push: { service: "api", commits: [{ sha: "b".repeat(40) }, { sha: "c".repeat(40) }] } });
  });
});
