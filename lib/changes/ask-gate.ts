import { z } from "zod";
import type { Database, Queryable } from "@/db/database";
import type { GateDecision } from "@/db/schema";
import { recordAudit } from "@/db/queries/audit";
import { findChange, insertGateDecision, listFreezesBetween } from "@/db/queries/changes";
import { majorIncidentsBetween } from "@/db/queries/incidents";
import { findServiceBySlug } from "@/db/queries/services";
import { insertEvent } from "@/db/queries/timeline";
import type { Actor } from "@/lib/auth/actor";
import { environmentSchema, shaSchema, slugSchema, text } from "@/lib/validation";
import { emitEvent } from "@/lib/notifications/emit";
import { subjectNotification } from "@/lib/notifications/events";
import { assessDeployment, type GateReason } from "./gate";

/** The body of POST /api/v1/gate (CONTRACT.md): a deployment about to start. */
export const gateQuestionSchema = z.object({
  service: slugSchema,
  environment: environmentSchema.default("production"),
  changeRequest: z.number({ error: "must be a change request id" }).int("must be a change request id").positive("must be a change request id").optional(),
  sha: shaSchema.optional(),
  version: text().trim().max(200, "must be at most 200 characters").optional(),
});
export type GateQuestion = z.output<typeof gateQuestionSchema>;

export type GateAnswer = { decision: "allow" | "deny"; reasons: GateReason[]; changeRequest: number | null };

/**
 * Whether the deployment may start now, by the one change rule deployments are recorded by, asked as
 * a deployment that has not run yet: freezes and incidents hold it back whatever its environment
 * requires. A gate must answer, so a service or change that does not exist is a reason to deny, not a
 * 404. The decision is recorded in the same transaction it was made in.
 */
export async function askGate(db: Database, actor: Actor, question: GateQuestion): Promise<GateAnswer> {
  return db.transaction(async (tx) => {
    const now = new Date();
    const { serviceId, answer } = await assessGate(tx, question, now);
    await recordGateDecision(tx, actor, { at: now, serviceId, question, answer });
    return answer;
  });
}

/** The gate's answer at `now`, not recorded: a caller asking again for a waiting deployment records only a new answer. */
export async function assessGate(tx: Queryable, question: GateQuestion, now: Date): Promise<{ serviceId: number | null; answer: GateAnswer }> {
  const service = await findServiceBySlug(tx, question.service);
  const named = question.changeRequest === undefined ? undefined : { id: question.changeRequest, change: await findChange(tx, question.changeRequest) };
  let reasons: GateReason[];
  if (!service) {
    reasons = [{ code: "service_not_found", message: `no service is called ${question.service}` }];
    if (named && !named.change) reasons.push({ code: "change_not_found", message: `no change request has id ${named.id}` });
  } else {
    const verdict = assessDeployment({
      service,
      environment: question.environment,
      named,
      namedBefore: false,
      asking: true,
      from: now,
      to: now,
      status: "queued",
      freezes: await listFreezesBetween(tx, now, now),
      incidents: await majorIncidentsBetween(tx, service.id, now, now),
    });
    reasons = verdict.reasons;
  }
  return { serviceId: service?.id ?? null, answer: { decision: reasons.length ? "deny" : "allow", reasons, changeRequest: question.changeRequest ?? null } };
}

/**
 * Keeps a gate decision: its row, the timeline (under its service, so a decision about a service that
 * does not exist is in the audit log only) and the audit log. Everything a decision sets off starts here.
 */
export async function recordGateDecision(tx: Queryable, actor: Actor, d: { at: Date; serviceId: number | null; question: GateQuestion; answer: GateAnswer }): Promise<GateDecision> {
  const { question, answer } = d;
  const decision = await insertGateDecision(tx, {
    at: d.at,
    serviceId: d.serviceId,
    service: question.service,
    environment: question.environment,
    changeRequestId: question.changeRequest ?? null,
    sha: question.sha ?? null,
    version: question.version ?? null,
    decision: answer.decision,
    reasons: answer.reasons,
  });
  const action = answer.decision === "allow" ? "allowed" : "denied";
  if (d.serviceId !== null) await insertEvent(tx, { at: d.at, type: "gate", action, serviceId: d.serviceId, environment: question.environment, summary: gateSummary(decision), subjectId: decision.id, subjectExternalId: null });
  await recordAudit(tx, actor, { action: `gate.${action}`, entityType: "gate_decision", entityId: decision.id, after: decision }, d.at);
  if (answer.decision === "deny") await emitEvent(tx, await gateDeniedNotification(tx, decision, question, answer));
  return decision;
}

/** `gate.denied`: the question and the answer as the API gave it, to the channels of the service's team. */
async function gateDeniedNotification(tx: Queryable, decision: GateDecision, question: GateQuestion, answer: GateAnswer) {
  const service = decision.serviceId === null ? undefined : await findServiceBySlug(tx, question.service);
  return subjectNotification("gate.denied", {
    data: { id: decision.id, service: question.service, environment: question.environment, sha: question.sha ?? null, version: question.version ?? null, ...answer },
    text: {
      title: { key: "Notifications.gateDenied", values: { what: [question.service, question.version ?? question.sha?.slice(0, 10)].filter(Boolean).join(" "), environment: question.environment } },
      facts: [
        ["Terms.nouns.service", question.service],
        ["Terms.nouns.environment", question.environment],
        ["Terms.nouns.change", answer.changeRequest === null ? { key: "Notifications.none" } : String(answer.changeRequest)],
        ["Notifications.reasons", answer.reasons.map((r) => r.code).join(", ")],
      ],
    },
    // The gate's reasons, as the API words them.
    summary: answer.reasons.map((r) => r.message).join("; "),
    path: service ? `/services/${service.slug}` : "/timeline?type=gate",
    service: service?.slug ?? null,
    team: service?.team ?? null,
    at: decision.at,
  });
}

function gateSummary(d: GateDecision): string {
  const what = [d.service, d.version ?? d.sha?.slice(0, 10)].filter(Boolean).join(" ");
  const change = d.changeRequestId === null ? "" : ` with change request ${d.changeRequestId}`;
  if (d.decision === "allow") return `Gate allowed ${what} to ${d.environment}${change}`;
  return `Gate denied ${what} to ${d.environment}${change}: ${d.reasons.map((r) => r.message).join("; ")}`;
}
