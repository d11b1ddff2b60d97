import { own } from "@/lib/records";
import { arr, isoTime, obj, optStr, str } from "./payload";
import { changeFromText, mapEnvironment, mapService, type ParsedDelivery, type WebhookParser } from "./types";

const DEPLOYMENT_STATES: Record<string, string | undefined> = {
  queued: "queued",
  pending: "queued",
  waiting: "queued",
  in_progress: "in_progress",
  success: "success",
  failure: "failure",
  error: "failure",
};

const ignore = (deliveryId: string | null, event: string, reason: string): ParsedDelivery => ({ deliveryId, event, effects: [], ignoredReason: reason });

/**
 * GitHub: `deployment` (queued) and `deployment_status` (its transitions) record one deployment per
 * GitHub deployment id; `push` to a branch records the commits for lead time; `workflow_run` counts
 * only for workflows the integration names as deployments.
 */
export const parseGitHub: WebhookParser = ({ headers, body, config }) => {
  const deliveryId = headers.get("x-github-delivery");
  const event = headers.get("x-github-event") ?? "unknown";
  const payload = obj(body, "body");
  const repo = () => str(obj(payload.repository, "repository").full_name, "repository.full_name");

  if (event === "deployment" || event === "deployment_status") {
    const d = obj(payload.deployment, "deployment");
    const state = event === "deployment" ? "queued" : str(obj(payload.deployment_status, "deployment_status").state, "deployment_status.state");
    const status = own(DEPLOYMENT_STATES, state);
    if (!status) return ignore(deliveryId, `${event}.${state}`, `deployment state ${state} is not used`);
    const at = event === "deployment" ? isoTime(d.created_at, "deployment.created_at") : isoTime(obj(payload.deployment_status, "deployment_status").created_at, "deployment_status.created_at");
    const finished = status === "success" || status === "failure";
    const deploymentId = str(d.id, "deployment.id");
    return {
      deliveryId,
      payloadId: event === "deployment" ? `deployment:${deploymentId}` : `deployment_status:${deploymentId}:${str(obj(payload.deployment_status, "deployment_status").id, "deployment_status.id")}`,
      event: `${event}.${state}`,
      effects: [
        {
          kind: "deployment",
          body: {
            service: mapService(config, repo()),
            environment: mapEnvironment(config, str(d.environment, "deployment.environment")),
            sha: str(d.sha, "deployment.sha"),
            version: optStr(d.ref),
            status,
            startedAt: isoTime(d.created_at, "deployment.created_at"),
            ...(finished ? { finishedAt: at } : {}),
            externalId: `github:deployment:${deploymentId}`,
            deployedBy: optStr(obj(d.creator ?? {}, "deployment.creator").login),
          },
        },
      ],
    };
  }

  if (event === "deployment_protection_rule") {
    const action = str(payload.action, "action");
    if (action !== "requested") return ignore(deliveryId, `${event}.${action}`, `action ${action} is not used`);
    const callback = str(payload.deployment_callback_url, "deployment_callback_url");
    const environment = str(payload.environment, "environment");
    const d = obj(payload.deployment ?? {}, "deployment");
    const named = obj(d.payload ?? {}, "deployment.payload").change;
    const changeRequest = typeof named === "number" && Number.isInteger(named) && named > 0 ? named : changeFromText(typeof named === "string" ? `change:${named}` : optStr(d.description));
    return {
      deliveryId,
      payloadId: `protection:${callback}:${environment}`,
      event: `${event}.${action}`,
      effects: [
        {
          kind: "protection",
          ask: {
            externalKey: `${callback} ${environment}`,
            service: mapService(config, repo()),
            environment: mapEnvironment(config, environment),
            changeRequest,
            sha: optStr(d.sha) ?? null,
            version: optStr(d.ref) ?? null,
            target: { callbackUrl: callback, environmentName: environment, installationId: str(obj(payload.installation, "installation").id, "installation.id") },
          },
        },
      ],
    };
  }

  if (event === "push") {
    const ref = str(payload.ref, "ref");
    if (!ref.startsWith("refs/heads/")) return ignore(deliveryId, event, `push to ${ref} is not a branch`);
    const commits = arr(payload.commits, "commits").map((c, i) => {
      const commit = obj(c, `commits.${i}`);
      const author = obj(commit.author ?? {}, `commits.${i}.author`);
      return { sha: str(commit.id, `commits.${i}.id`), timestamp: new Date(isoTime(commit.timestamp, `commits.${i}.timestamp`)), message: optStr(commit.message), author: optStr(author.username) ?? optStr(author.name) };
    });
    if (commits.length === 0) return ignore(deliveryId, event, "the push carries no commits");
    // The repository's id outlives a rename; its name serves where a payload leaves the id out.
    const repository = optStr(obj(payload.repository, "repository").id) ?? repo();
    return {
      deliveryId,
      payloadId: `push:${repository}:${ref}:${optStr(payload.before) ?? ""}:${str(payload.after, "after")}`,
      event,
      effects: [
        {
          kind: "push",
          push: {
            service: mapService(config, repo()),
            ref,
            before: optStr(payload.before) ?? null,
            after: str(payload.after, "after"),
            forced: payload.forced === true,
            commits,
            at: commits.at(-1)!.timestamp,
          },
        },
      ],
    };
  }

  if (event === "workflow_run") {
    const run = obj(payload.workflow_run, "workflow_run");
    // Some payloads leave the run's name empty; the workflow's name (or file) still identifies it.
    const name = optStr(run.name) ?? optStr(obj(payload.workflow ?? {}, "workflow").name) ?? str(run.path, "workflow_run.name");
    if (!config.deploymentWorkflows.includes(name)) return ignore(deliveryId, event, `workflow "${name}" is not configured as a deployment`);
    const action = str(payload.action, "action");
    const conclusion = optStr(run.conclusion);
    const status = action === "completed" ? (conclusion === "success" ? "success" : conclusion === "cancelled" || conclusion === "skipped" ? "cancelled" : "failure") : action === "in_progress" ? "in_progress" : "queued";
    const finished = status === "success" || status === "failure" || status === "cancelled";
    return {
      deliveryId,
      // A re-run is a new attempt of the same run id; each attempt passes each action once.
      payloadId: `workflow_run:${str(run.id, "workflow_run.id")}:${optStr(run.run_attempt) ?? "1"}:${action}`,
      event: `workflow_run.${action}`,
      effects: [
        {
          kind: "deployment",
          body: {
            service: mapService(config, repo()),
            environment: mapEnvironment(config, "production"),
            sha: str(run.head_sha, "workflow_run.head_sha"),
            version: optStr(run.head_branch),
            status,
            startedAt: isoTime(run.run_started_at ?? run.created_at, "workflow_run.run_started_at"),
            ...(finished ? { finishedAt: isoTime(run.updated_at, "workflow_run.updated_at") } : {}),
            externalId: `github:workflow_run:${str(run.id, "workflow_run.id")}`,
            url: optStr(run.html_url),
          },
        },
      ],
    };
  }

  return ignore(deliveryId, event, `event ${event} is not used`);
};
