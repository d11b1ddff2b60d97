import { createPrivateKey } from "node:crypto";
import { createAppAuth } from "@octokit/auth-app";
import type { Database, Queryable } from "@/db/database";
import type { Integration, ProtectionRequest } from "@/db/schema";
import { recordAudit } from "@/db/queries/audit";
import { findIntegration, logDelivery, updateIntegration } from "@/db/queries/integrations";
import { claimDueProtectionRequests, insertProtectionRequest, updateProtectionRequest } from "@/db/queries/protection";
import { assessGate, gateQuestionSchema, recordGateDecision, type GateAnswer } from "@/lib/changes/ask-gate";
import type { Actor } from "@/lib/auth/actor";
import { open, seal } from "@/lib/crypto/secret-box";
import { invalid } from "@/lib/errors";
import { printable } from "@/lib/validation";
import { integrationConfig } from "./integrations";
import { clip } from "./payload";
import type { ProtectionAsk } from "./types";

/*
 * Deployment gates in other tools: GitHub's custom deployment protection rules and GitLab's blocked
 * deployments. A request is kept (protection_requests) and answered by processProtectionRequests, which
 * the server runs every few seconds. A rejection is final in both tools (GitHub fails the job, GitLab
 * the deployment), so while the gate denies, Tandem does not answer: the request waits and is asked
 * again, and is approved as soon as the gate allows (a change approved, a freeze ended, an incident
 * resolved). Only a request still denied after WAIT_LIMIT_MS is rejected, with the reasons as comment.
 */

export const RECHECK_MS = 2_000;
export const WAIT_LIMIT_MS = 24 * 60 * 60 * 1000;
const LEASE_MS = 60_000;
const MAX_BACKOFF_MS = 10 * 60_000;
const DEFAULT_API = { github: "https://api.github.com", gitlab: "https://gitlab.com/api/v4" } as const;

export type ProtectionOptions = { fetch?: typeof fetch; timeoutMs?: number; now?: Date };

/** Keeps a request the tool just sent (a redelivery finds the one it sent before). */
export async function keepProtectionRequest(tx: Queryable, integrationId: number, ask: ProtectionAsk): Promise<string> {
  const now = new Date();
  const row = await insertProtectionRequest(tx, {
    integrationId,
    externalKey: ask.externalKey,
    service: ask.service,
    environment: ask.environment,
    changeRequestId: ask.changeRequest,
    sha: ask.sha,
    version: ask.version,
    target: ask.target,
    state: "waiting",
    reasons: null,
    attempts: 0,
    nextAttemptAt: now,
    createdAt: now,
  });
  return row ? `protection request ${row.id} kept for ${ask.service} to ${ask.environment}; the gate answers it` : "protection request already kept";
}

/** Stores the credential an integration answers gates with: a GitHub App's private key or a GitLab access token. */
export async function setIntegrationCredential(db: Database, actor: Actor, key: Buffer, integration: Integration, credential: string): Promise<void> {
  const value = credential.trim();
  if (integration.source === "github") {
    try {
      createPrivateKey(value);
    } catch {
      throw invalid([{ path: ["credential"], message: "must be the GitHub App's private key (a PEM file's text)" }]);
    }
  } else if (integration.source !== "gitlab") {
    throw invalid([{ path: ["credential"], message: "only GitHub and GitLab integrations answer deployment gates" }]);
  } else if (!/^[\x21-\x7e]{8,500}$/.test(value)) {
    throw invalid([{ path: ["credential"], message: "must be a GitLab access token (8 to 500 printable characters, no spaces)" }]);
  }
  await db.transaction(async (tx) => {
    await updateIntegration(tx, integration.id, { credentialSealed: seal(value, key) });
    await recordAudit(tx, actor, { action: "integration.credential", entityType: "integration", entityId: integration.id });
  });
}

/** Asks the gate again for every due waiting request and answers the tool where the answer is final. */
export async function processProtectionRequests(db: Database, key: Buffer, options: ProtectionOptions = {}): Promise<number> {
  const now = options.now ?? new Date();
  const claimed = await db.transaction((tx) => claimDueProtectionRequests(tx, now, LEASE_MS, 20));
  for (const request of claimed) await processOne(db, key, request, now, options);
  return claimed.length;
}

async function processOne(db: Database, key: Buffer, request: ProtectionRequest, now: Date, options: ProtectionOptions): Promise<void> {
  const integration = await findIntegration(db.read, request.integrationId);
  if (!integration || integration.disabledAt) {
    await db.transaction((tx) => updateProtectionRequest(tx, request.id, { nextAttemptAt: new Date(now.getTime() + MAX_BACKOFF_MS) }));
    return;
  }
  const answer = await db.transaction(async (tx) => {
    const parsed = gateQuestionSchema.safeParse({ service: request.service, environment: request.environment, changeRequest: request.changeRequestId ?? undefined, sha: request.sha ?? undefined, version: request.version ?? undefined });
    const question = parsed.success ? parsed.data : { service: request.service, environment: request.environment };
    const actor: Actor = { type: "integration", id: String(integration.id), label: `${integration.source}: ${integration.name}` };
    const { service, answer } = await assessGate(tx, actor, gateQuestionSchema.parse(question), now);
    if (JSON.stringify(answer.reasons) !== JSON.stringify(request.reasons)) {
      await recordGateDecision(tx, actor, { at: now, service, question: gateQuestionSchema.parse(question), answer });
    }
    const expired = now.getTime() - request.createdAt.getTime() >= WAIT_LIMIT_MS;
    if (answer.decision === "deny" && !expired) await updateProtectionRequest(tx, request.id, { reasons: answer.reasons, nextAttemptAt: new Date(now.getTime() + RECHECK_MS) });
    return answer.decision === "allow" || expired ? answer : null;
  });
  if (!answer) return;
  const state = answer.decision === "allow" ? "approved" : "rejected";
  const event = integration.source === "github" ? "deployment_protection_rule.answer" : "deployment.approval";
  try {
    await answerTool(integration, key, request, state, comment(answer), options);
    await db.transaction(async (tx) => {
      await updateProtectionRequest(tx, request.id, { state, reasons: answer.reasons, answeredAt: now });
      await logDelivery(tx, { integrationId: integration.id, deliveryId: null, event, outcome: "applied", status: 200, message: `answered ${state} for ${request.service} to ${request.environment}`, receivedAt: now });
    });
  } catch (error) {
    const attempts = request.attempts + 1;
    const wait = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** attempts);
    const message = error instanceof ToolError ? error.message : "the call failed";
    await db.transaction(async (tx) => {
      await updateProtectionRequest(tx, request.id, { reasons: answer.reasons, attempts, nextAttemptAt: new Date(now.getTime() + wait) });
      await logDelivery(tx, { integrationId: integration.id, deliveryId: null, event, outcome: "failed", status: error instanceof ToolError ? error.status : 0, message: printable(clip(`answering ${state} failed (attempt ${attempts}, next in ${Math.round(wait / 1000)} s): ${message}`, 1000)), receivedAt: now });
    });
  }
}

function comment(answer: GateAnswer): string {
  if (answer.decision === "allow") return answer.changeRequest === null ? "Tandem's gate allows this deployment." : `Tandem's gate allows this deployment with change request ${answer.changeRequest}.`;
  return clip(`Tandem's gate denies this deployment: ${answer.reasons.map((r) => r.message).join("; ")}`, 1000);
}

/** A failed call to the tool, with a message that names no credential. */
class ToolError extends Error {
  constructor(
    message: string,
    readonly status = 0,
  ) {
    super(message);
  }
}

async function call(options: ProtectionOptions, url: string, init: RequestInit, what: string): Promise<Response> {
  const doFetch = options.fetch ?? fetch;
  let response: Response;
  try {
    response = await doFetch(url, { ...init, signal: AbortSignal.timeout(options.timeoutMs ?? 5_000), redirect: "error" });
  } catch (error) {
    throw new ToolError(`${what}: ${error instanceof Error && error.name === "TimeoutError" ? "timed out" : "no answer"}`);
  }
  if (!response.ok) throw new ToolError(`${what}: HTTP ${response.status} ${clip(await response.text().catch(() => ""), 300)}`, response.status);
  return response;
}

async function answerTool(integration: Integration, key: Buffer, request: ProtectionRequest, state: "approved" | "rejected", text: string, options: ProtectionOptions): Promise<void> {
  if (!integration.credentialSealed) throw new ToolError("the integration has no credential to answer with (Settings → Integrations)");
  const credential = open(integration.credentialSealed, key);
  const config = integrationConfig(integration);
  const json = { "Content-Type": "application/json", Accept: "application/json" };
  if (integration.source === "gitlab") {
    const base = config.apiBaseUrl || DEFAULT_API.gitlab;
    const { projectId, deploymentId } = request.target;
    const url = `${base}/projects/${encodeURIComponent(projectId!)}/deployments/${encodeURIComponent(deploymentId!)}/approval`;
    await call(options, url, { method: "POST", headers: { ...json, "PRIVATE-TOKEN": credential }, body: JSON.stringify({ status: state, comment: text }) }, "GitLab's deployment approval API");
    return;
  }
  const base = config.apiBaseUrl || DEFAULT_API.github;
  const { callbackUrl, environmentName, installationId } = request.target;
  // The installation token goes only to the API this integration names, whatever URL a payload carries.
  if (new URL(callbackUrl!).origin !== new URL(base).origin) throw new ToolError(`the callback URL is not on ${new URL(base).origin}, the integration's API`);
  if (!config.appId) throw new ToolError("the integration has no GitHub App id (Settings → Integrations)");
  const { token: jwt } = await createAppAuth({ appId: config.appId, privateKey: credential })({ type: "app" });
  const github = { ...json, Accept: "application/vnd.github+json", "X-GitHub-Api-Version": "2022-11-28" };
  const tokenResponse = await call(options, `${base}/app/installations/${encodeURIComponent(installationId!)}/access_tokens`, { method: "POST", headers: { ...github, Authorization: `Bearer ${jwt}` } }, "GitHub's installation token API");
  const { token } = (await tokenResponse.json()) as { token?: unknown };
  if (typeof token !== "string") throw new ToolError("GitHub's installation token API answered without a token");
  await call(options, callbackUrl!, { method: "POST", headers: { ...github, Authorization: `token ${token}` }, body: JSON.stringify({ environment_name: environmentName, state, comment: text }) }, "GitHub's deployment callback");
}
