import { own } from "@/lib/records";
import { arr, isoTime, obj, optStr, str } from "./payload";
import { changeFromText, mapEnvironment, mapService, type ParsedDelivery, type WebhookParser } from "./types";

const STATUSES: Record<string, string | undefined> = {
  created: "queued",
  pending: "queued",
  waiting_for_resource: "queued",
  running: "in_progress",
  success: "success",
  failed: "failure",
  canceled: "cancelled",
  canceling: "cancelled",
};

const ignore = (deliveryId: string | null, event: string, reason: string): ParsedDelivery => ({ deliveryId, event, effects: [], ignoredReason: reason });

/** The full sha of a GitLab deployment: its commit URL ends with it (the payload only has short_sha). */
function deploymentSha(d: Record<string, unknown>): string | undefined {
  return optStr(d.commit_url)?.match(/[0-9a-f]{40}$/)?.[0] ?? optStr(d.short_sha);
}

/**
 * GitLab: Deployment events (every status), Push events (commits for lead time), and Pipeline events
 * when the integration treats pipelines as deployments.
 */
export const parseGitLab: WebhookParser = ({ headers, body, config }) => {
  const deliveryId = headers.get("x-gitlab-event-uuid") ?? headers.get("x-gitlab-webhook-uuid");
  const payload = obj(body, "body");
  const kind = str(payload.object_kind, "object_kind");
  const project = () => str(obj(payload.project, "project").path_with_namespace, "project.path_with_namespace");

  if (kind === "deployment") {
    const state = str(payload.status, "status");
    if (state === "blocked") {
      const projectId = str(obj(payload.project, "project").id, "project.id");
      const deploymentId = str(payload.deployment_id, "deployment_id");
      return {
        deliveryId,
        payloadId: `deployment:${deploymentId}:blocked`,
        event: "deployment.blocked",
        effects: [
          {
            kind: "protection",
            ask: {
              externalKey: `${projectId}/${deploymentId}`,
              service: mapService(config, project()),
              environment: mapEnvironment(config, str(payload.environment, "environment")),
              changeRequest: changeFromText(optStr(payload.commit_title)),
              sha: deploymentSha(payload) ?? null,
              version: optStr(payload.ref) ?? null,
              target: { projectId, deploymentId },
            },
          },
        ],
      };
    }
    const status = own(STATUSES, state);
    if (!status) return ignore(deliveryId, `deployment.${state}`, `deployment status ${state} is not used`);
    const at = isoTime(payload.status_changed_at, "status_changed_at");
    const finished = status === "success" || status === "failure" || status === "cancelled";
    return {
      deliveryId,
      payloadId: `deployment:${str(payload.deployment_id, "deployment_id")}:${state}:${at}`,
      event: `deployment.${state}`,
      effects: [
        {
          kind: "deployment",
          body: {
            service: mapService(config, project()),
            environment: mapEnvironment(config, str(payload.environment, "environment")),
            sha: deploymentSha(payload),
            version: optStr(payload.ref),
            status,
            ...(finished ? { finishedAt: at } : { startedAt: at }),
            externalId: `gitlab:deployment:${str(payload.deployment_id, "deployment_id")}`,
            deployedBy: optStr(obj(payload.user ?? {}, "user").username),
            url: optStr(payload.deployable_url),
          },
        },
      ],
    };
  }

  if (kind === "push") {
    const ref = str(payload.ref, "ref");
    if (!ref.startsWith("refs/heads/")) return ignore(deliveryId, kind, `push to ${ref} is not a branch`);
    const commits = arr(payload.commits, "commits").map((c, i) => {
      const commit = obj(c, `commits.${i}`);
      return { sha: str(commit.id, `commits.${i}.id`), timestamp: new Date(isoTime(commit.timestamp, `commits.${i}.timestamp`)), message: optStr(commit.message), author: optStr(obj(commit.author ?? {}, `commits.${i}.author`).name) };
    });
    if (commits.length === 0) return ignore(deliveryId, kind, "the push carries no commits");
    commits.sort((a, b) => a.timestamp.getTime() - b.timestamp.getTime());
    return {
      deliveryId,
      payloadId: `push:${optStr(obj(payload.project, "project").id) ?? project()}:${ref}:${optStr(payload.before) ?? ""}:${str(payload.after, "after")}`,
      event: kind,
      effects: [{ kind: "push", push: { service: mapService(config, project()), ref, before: optStr(payload.before) ?? null, after: str(payload.after, "after"), forced: false, commits, at: commits.at(-1)!.timestamp } }],
    };
  }

  if (kind === "pipeline") {
    if (!config.pipelinesAsDeployments) return ignore(deliveryId, kind, "pipelines are not configured as deployments");
    const p = obj(payload.object_attributes, "object_attributes");
    const state = str(p.status, "object_attributes.status");
    const status = own(STATUSES, state);
    if (!status) return ignore(deliveryId, `pipeline.${state}`, `pipeline status ${state} is not used`);
    const finished = status === "success" || status === "failure" || status === "cancelled";
    return {
      deliveryId,
      // A retried job runs the same pipeline again: its finish time tells the second success from the first.
      payloadId: `pipeline:${str(p.id, "object_attributes.id")}:${state}:${optStr(p.finished_at) ?? ""}`,
      event: `pipeline.${state}`,
      effects: [
        {
          kind: "deployment",
          body: {
            service: mapService(config, project()),
            environment: mapEnvironment(config, "production"),
            sha: str(p.sha, "object_attributes.sha"),
            version: optStr(p.ref),
            status,
            startedAt: isoTime(p.created_at, "object_attributes.created_at"),
            ...(finished ? { finishedAt: isoTime(p.finished_at, "object_attributes.finished_at") } : {}),
            externalId: `gitlab:pipeline:${str(p.id, "object_attributes.id")}`,
          },
        },
      ],
    };
  }

  return ignore(deliveryId, kind, `event ${kind} is not used`);
};
