import type { Database, Queryable } from "@/db/database";
import { together } from "@/db/together";
import type { Deployment } from "@/db/schema";
import { recordAudit } from "@/db/queries/audit";
import { commitsDelivered } from "@/db/queries/lineage";
import {
  findDeploymentByExternalId,
  findDeploymentById,
  insertDeployment,
  linkCommits,
  listDeploymentShas,
  updateDeployment,
  upsertCommit,
} from "@/db/queries/ingest";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { ensureService } from "@/lib/services/services";
import { insertEvent } from "@/db/queries/timeline";
import { findChange, listFreezesBetween, updateChange } from "@/db/queries/changes";
import { findServiceBySlug } from "@/db/queries/services";
import type { ChangeRequest } from "@/db/schema";
import { assessDeployment, requiresChange, type DeploymentVerdict, type ServicePolicy } from "@/lib/changes/gate";
import { majorIncidentsBetween } from "@/db/queries/incidents";
import { changeEvent, deploymentEvent } from "@/lib/timeline/events";
import { emitEvent } from "@/lib/notifications/emit";
import { deploymentFailedNotification } from "@/lib/notifications/events";
import { DEFAULT_ENVIRONMENT, type DeploymentInput } from "./schema";

export type DeploymentResult = { deployment: Deployment; service: string; created: boolean };
/** What the API answers with: the deployment and the shas of all its commits, oldest first. */
export type RecordedDeployment = DeploymentResult & { commits: string[] };

const FINAL = new Set(["success", "failure", "cancelled"]);

const badField = (field: string, message: string) => new AppError("bad_request", `${field}: ${message}`, { [field]: message });

/** Resolves `rollbackOf` (an id, or an externalId of the same source) to a deployment id. */
export async function resolveDeployment(tx: Queryable, source: string, ref: number | string, field: string): Promise<number> {
  const found = typeof ref === "number" ? await findDeploymentById(tx, ref) : await findDeploymentByExternalId(tx, source, ref);
  if (!found) throw badField(field, `no deployment has ${typeof ref === "number" ? "id" : "externalId"} ${ref}`);
  return found.id;
}

/**
 * What a door does with a deployment that breaks the change rule (lib/changes/gate.ts) in an environment
 * that requires changes: the API and the form refuse it; a webhook reports what its provider already
 * did, which Tandem cannot stop, so it is recorded and flagged on the timeline.
 */
export type Gating = "refuse" | "flag";

type ServiceEntry = ServicePolicy;

/**
 * What one call learns while recording: each service's id and gating (a batch names a few services a thousand
 * times), and the commits linked to the deployments it created with their stored timestamps, so the
 * answer lists their shas without reading back the rows it just wrote.
 */
class Recording {
  private readonly services = new Map<string, ServiceEntry>();
  private readonly linked = new Map<number, Map<number, string>>();
  private readonly timestamps = new Map<number, number>();

  constructor(
    readonly tx: Queryable,
    readonly actor: Actor,
    readonly source: string,
    readonly gating: Gating,
    /** Database#sendAhead, when the caller has the Database; else each statement is waited for. */
    readonly ahead: (statements: readonly (Promise<unknown> | undefined)[]) => Promise<unknown> = together,
  ) {}

  /** A service first named here is created, and requires no changes. */
  async service(slug: string): Promise<ServiceEntry> {
    let entry = this.services.get(slug);
    if (entry === undefined) {
      const found = await findServiceBySlug(this.tx, slug);
      entry = found
        ? { id: found.id, slug, requireChange: found.requireChange, changeToleranceMinutes: found.changeToleranceMinutes, changeReuse: found.changeReuse }
        : { id: await ensureService(this.tx, this.actor, slug), slug, requireChange: [], changeToleranceMinutes: 0, changeReuse: "once" };
      this.services.set(slug, entry);
    }
    return entry;
  }

  created(deploymentId: number): void {
    this.linked.set(deploymentId, new Map());
  }

  /** Notes a commit's stored timestamp (upserts only ever move it earlier, and each one passes here). */
  seen(commitId: number, timestamp: number): void {
    this.timestamps.set(commitId, timestamp);
  }

  /** Noted at once, so `shas` lists them even while the statement is still on its way (sent ahead). */
  link(deploymentId: number, commits: { id: number; sha: string }[]): Promise<void> {
    const linked = this.linked.get(deploymentId);
    if (linked) for (const c of commits) linked.set(c.id, c.sha);
    return linkCommits(this.tx, deploymentId, commits.map((c) => c.id));
  }

  /** As listDeploymentShas orders them: by timestamp, then id. A deployment that existed before is read back. */
  async shas(deploymentId: number): Promise<string[]> {
    const linked = this.linked.get(deploymentId);
    if (!linked) return await listDeploymentShas(this.tx, deploymentId);
    const ids = [...linked.keys()];
    ids.sort((a, b) => this.timestamps.get(a)! - this.timestamps.get(b)! || a - b);
    return ids.map((id) => linked.get(id)!);
  }
}

/**
 * Records deployments all-or-nothing: any refused item rolls back the whole batch. A known externalId
 * (per source) updates its deployment instead of adding one; a finished status is never undone by a
 * late "in_progress".
 */
export async function recordDeployments(db: Database, actor: Actor, source: string, items: DeploymentInput[], batch: boolean): Promise<RecordedDeployment[]> {
  return db.transaction(async (tx) => {
    const recording = new Recording(tx, actor, source, "refuse", (statements) => db.sendAhead(statements));
    const results = await recordAll(recording, items, batch);
    const recorded: RecordedDeployment[] = [];
    for (const r of results) recorded.push({ ...r, commits: await recording.shas(r.deployment.id) });
    return recorded;
  });
}

/** The same for webhooks, inside a transaction the caller holds (they apply several effects atomically); see Gating. */
export function recordDeploymentsIn(tx: Queryable, actor: Actor, source: string, items: DeploymentInput[], batch: boolean): Promise<DeploymentResult[]> {
  return recordAll(new Recording(tx, actor, source, "flag"), items, batch);
}

/** Each item in order; a batch's problems are named by the item's path (deployments.3.finishedAt). */
async function recordAll(recording: Recording, items: DeploymentInput[], batch: boolean): Promise<DeploymentResult[]> {
  const results: DeploymentResult[] = [];
  for (let i = 0; i < items.length; i++) results.push(await recordOne(recording, items[i]!, batch ? `deployments.${i}.` : ""));
  return results;
}

async function recordOne(recording: Recording, input: DeploymentInput, prefix: string): Promise<DeploymentResult> {
  const { tx, actor, source } = recording;
  // Asked together (db/together.ts): on PostgreSQL the statements go out in one round trip (its
  // pipeline), and a round trip costs more than the statement, while the write lock is held.
  const [service, rollbackOfId, existing] = await together([
    recording.service(input.service),
    input.rollbackOf === undefined ? undefined : resolveDeployment(tx, source, input.rollbackOf, `${prefix}rollbackOf`),
    input.externalId ? findDeploymentByExternalId(tx, source, input.externalId) : undefined,
  ]);
  const serviceId = service.id;
  const now = new Date();
  if (existing && existing.serviceId !== serviceId) {
    throw new AppError("conflict", `${prefix}externalId ${input.externalId} already names a deployment of another service.`, { [`${prefix}externalId`]: "already used for another service" });
  }
  if (existing && rollbackOfId === existing.id) throw badField(`${prefix}rollbackOf`, "a deployment cannot roll itself back");

  const regresses = existing !== undefined && FINAL.has(existing.status) && !FINAL.has(input.status);
  const values = {
    environment: input.environment ?? existing?.environment ?? DEFAULT_ENVIRONMENT,
    version: input.version ?? existing?.version ?? null,
    sha: input.sha ?? existing?.sha ?? null,
    status: regresses ? existing!.status : input.status,
    startedAt: input.startedAt ?? existing?.startedAt ?? null,
    finishedAt: regresses ? existing!.finishedAt : (input.finishedAt ?? existing?.finishedAt ?? null),
    rollbackOfId: rollbackOfId ?? existing?.rollbackOfId ?? null,
    unplanned: input.unplanned ?? existing?.unplanned ?? false,
    changeFailed: input.changeFailed ?? existing?.changeFailed ?? false,
    // A replay that omits changeRequest still implements the change its first delivery named.
    changeRequestId: input.changeRequest ?? existing?.changeRequestId ?? null,
    deployedBy: input.deployedBy ?? existing?.deployedBy ?? null,
    url: input.url ?? existing?.url ?? null,
    updatedAt: now,
  };
  if (values.startedAt && values.finishedAt && values.finishedAt < values.startedAt) {
    throw badField(`${prefix}finishedAt`, "must not be before startedAt");
  }

  const changeId = values.changeRequestId ?? undefined;
  const change = changeId === undefined ? undefined : await findChange(tx, changeId);
  if (changeId !== undefined && !change) throw badField(`${prefix}changeRequest`, `no change request has id ${changeId}`);
  const verdict = await assess(recording, service, values, change, existing?.changeRequestId === changeId && changeId !== undefined);
  if (verdict.reasons.length && requiresChange(service, values.environment) && recording.gating === "refuse") {
    throw new AppError("conflict", `${prefix}changeRequest: ${input.service} refuses this deployment to ${values.environment}: ${verdict.reasons.map((r) => `${r.message} (${r.code})`).join("; ")}.`, {
      [`${prefix}changeRequest`]: verdict.reasons.map((r) => r.code).join(", "),
    });
  }

  const commits = input.commits ?? [];
  const [deployment, stored] = await together([
    existing ? updateDeployment(tx, existing.id, values) : insertDeployment(tx, { ...values, serviceId, source, externalId: input.externalId ?? null, createdAt: now }),
    together(commits.map((c) => upsertCommit(tx, serviceId, c))),
  ]);
  if (!existing) recording.created(deployment.id);
  for (const commit of stored) recording.seen(commit.id, commit.timestamp);

  const audit = () =>
    recordAudit(tx, actor, {
      action: existing ? "deployment.update" : "deployment.create",
      entityType: "deployment",
      entityId: deployment.id,
      before: existing ?? null,
      after: deployment,
    });
  // The deployment's audit entry comes after its change's when it moves one, as the change moved first.
  const moves = change && verdict.changeStatus && verdict.changeStatus !== change.status ? { change, to: verdict.changeStatus } : undefined;
  // Nothing below needs their answers: on PostgreSQL they go out with what follows (the next post's
  // statements, or COMMIT) instead of costing a round trip of their own while the write lock is held.
  // What reads them (commitsDelivered, listDeploymentShas) runs after them on the same connection.
  await recording.ahead([
    recording.link(deployment.id, stored.map((commit, i) => ({ id: commit.id, sha: commits[i]!.sha }))),
    !existing || existing.status !== deployment.status ? insertEvent(tx, deploymentEvent(deployment, input.service)) : undefined,
    moves ? undefined : audit(),
  ]);
  // What a commit delivered before counts once: read after this deployment's own commits are linked.
  if (deployment.status === "success") await recording.link(deployment.id, await commitsDeliveredBy(tx, deployment, recording));
  if (deployment.status === "failure" && existing?.status !== "failure") await emitEvent(tx, deploymentFailedNotification(deployment, input.service, () => recording.shas(deployment.id)));
  if (verdict.reasons.length && (!existing || existing.changeRequestId !== deployment.changeRequestId)) await flagViolation(tx, input.service, deployment, change, verdict);
  if (moves) {
    await moveChange(tx, actor, moves.change, deployment, moves.to);
    await audit();
  }
  return { deployment, service: input.service, created: !existing };
}

/** The change rule's verdict on a deployment as it will be stored; freezes and incidents are read only when they can matter. */
async function assess(
  recording: Recording,
  service: ServiceEntry,
  values: { environment: string; status: Deployment["status"]; startedAt: Date | null; finishedAt: Date | null; changeRequestId: number | null },
  change: ChangeRequest | undefined,
  namedBefore: boolean,
): Promise<DeploymentVerdict> {
  const now = new Date();
  const from = values.startedAt ?? values.finishedAt ?? now;
  const to = values.finishedAt ?? values.startedAt ?? now;
  const named = values.changeRequestId === null ? undefined : { id: values.changeRequestId, change };
  const gated = named !== undefined || requiresChange(service, values.environment);
  const freezes = gated ? await listFreezesBetween(recording.tx, from, to) : [];
  const incidents = gated ? await majorIncidentsBetween(recording.tx, service.id, from, to) : [];
  return assessDeployment({ service, environment: values.environment, named, namedBefore, asking: false, from, to, status: values.status, freezes, incidents });
}

/** A deployment that breaks the change rule where it is not refused: on the timeline, under its change (or itself when it names none). */
async function flagViolation(tx: Queryable, slug: string, deployment: Deployment, change: ChangeRequest | undefined, verdict: DeploymentVerdict): Promise<void> {
  const summary = `Policy violation: deployment #${deployment.id} of ${slug}: ${verdict.reasons.map((r) => r.message).join("; ")}`;
  const event = change ? changeEvent(change, "policy violation", new Date()) : { ...deploymentEvent(deployment, slug), action: "policy violation" };
  await insertEvent(tx, { ...event, summary });
}

/** A deployment implements (or fails) its change request. */
async function moveChange(tx: Queryable, actor: Actor, change: ChangeRequest, deployment: Deployment, status: ChangeRequest["status"]): Promise<void> {
  const now = new Date();
  const after = await updateChange(tx, change.id, { status, implementedAt: deployment.finishedAt ?? now, updatedAt: now });
  await recordAudit(tx, actor, { action: `change.${status}`, entityType: "change_request", entityId: change.id, before: change, after });
  await insertEvent(tx, changeEvent(after, status, deployment.finishedAt ?? now));
}

/** The pushed commits that a successful deployment of its head sha brings (see commitsDelivered). */
async function commitsDeliveredBy(tx: Queryable, deployment: Deployment, recording?: Recording): Promise<{ id: number; sha: string }[]> {
  if (!deployment.sha) return [];
  const delivered = await commitsDelivered(tx, deployment, deployment.sha);
  if (recording) for (const commit of delivered) recording.seen(commit.id, commit.timestamp);
  return delivered;
}

/** Adds the pushed commits that a successful deployment of its head sha brings (see commitsDelivered). */
export async function deriveDeliveredCommits(tx: Queryable, deployment: Deployment): Promise<void> {
  await linkCommits(tx, deployment.id, (await commitsDeliveredBy(tx, deployment)).map((c) => c.id));
}
