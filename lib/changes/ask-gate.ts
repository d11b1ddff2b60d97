import { z } from "zod";
import type { Database, Queryable } from "@/db/database";
import type { GateDecision, Service } from "@/db/schema";
import { recordAudit } from "@/db/queries/audit";
import { findChange, insertGateDecision, listFreezesBetween } from "@/db/queries/changes";
import { majorIncidentsBetween } from "@/db/queries/incidents";
import { serviceNamed } from "@/lib/services/services";
import { insertEvent } from "@/db/queries/timeline";
import type { Actor } from "@/lib/auth/actor";
import { environmentSchema, shaSchema, slugSchema, text } from "@/lib/validation";
import { emitEvent } from "@/lib/notifications/emit";
import { subjectNotification } from "@/lib/notifications/events";
import { assessDeployment, type GateReason } from "./gate";
import { jsonRecordId } from "@/lib/whole-number";

/** The body of POST /api/v1/gate (CONTRACT.md): a deployment about to start. */
export const gateQuestionSchema = z.object({
  service: slugSchema,
  environment: environmentSchema.default("production"),
  changeRequest: jsonRecordId("must be a change request id").optional(),
  sha: shaSchema.optional(),
  version: text().trim().max(200, "must be at most 200 characters").optional(),
});
export type GateQuestion = z.output<typeof gateQuestionSchema>;

export type GateAnswer = { decision: "allow" | "deny"; reasons: GateReason[]; changeRequest: number | null };

/**
 * Whether the deployment may start now, by the one change rule deployments are recorded by, asked as
 * a deployment that has not run yet: freezes and incidents hold it back whatever its environment
 * requires. A gate must answer, so a change that does not exist is a reason to deny, not a 404. The
 * decision is recorded in the same transaction it was made in.
 */
export async function askGate(db: Database, actor: Actor, question: GateQuestion): Promise<GateAnswer> {
  return db.transaction(async (tx) => {
    const now = new Date();
    const { service, answer } = await assessGate(tx, actor, question, now);
    await recordGateDecision(tx, actor, { at: now, service, question, answer });
    return answer;
  });
}

/**
 * The gate's answer at `now`, not recorded: a caller asking again for a waiting deployment records only
 * a new answer. A service nobody named before is created, as the deployment that follows would create
 * it: a new service's first gated deployment meets the same rule (no policy of its own yet, but freezes
 * of every service and the named change still hold it back), and its decision has a service to be on
 * the timeline under.
 */
export async function assessGate(tx: Queryable, actor: Actor, question: GateQuestion, now: Date): Promise<{ service: Service; answer: GateAnswer }> {
  const service = await serviceNamed(tx, actor, question.service);
  const named = question.changeRequest === undefined ? undefined : { id: question.changeRequest, change: await findChange(tx, question.changeRequest) };
  const { reasons } = assessDeployment({
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
  return { service, answer: { decision: reasons.length ? "deny" : "allow", reasons, changeRequest: question.changeRequest ?? null } };
}

/** Keeps a gate decision: its row, the timeline (under its service) and the audit log. Everything a decision sets off starts here. */
export async function recordGateDecision(tx: Queryable, actor: Actor, d: { at: Date; service: Service; question: GateQuestion; answer: GateAnswer }): Promise<GateDecision> {
  const { question, answer } = d;
  const decision = await insertGateDecision(tx, {
    at: d.at,
    serviceId: d.service.id,
    service: question.service,
    environment: question.environment,
    changeRequestId: question.changeRequest ?? null,
    sha: question.sha ?? null,
    version: question.version ?? null,
    decision: answer.decision,
    reasons: answer.reasons,
  });
  const action = answer.decision === "allow" ? "allowed" : "denied";
  await insertEvent(tx, { at: d.at, type: "gate", action, serviceId: d.service.id, environment: question.environment, summary: gateSummary(decision), subjectId: decision.id, subjectExternalId: null });
  await recordAudit(tx, actor, { action: `gate.${action}`, entityType: "gate_decision", entityId: decision.id, after: decision }, d.at);
  if (answer.decision === "deny") await emitEvent(tx, gateDeniedNotification(d.service, decision, question, answer));
  return decision;
}

/** `gate.denied`: the question and the answer as the API gave it, to the channels of the service's team. */
function gateDeniedNotification(service: Service, decision: GateDecision, question: GateQuestion, answer: GateAnswer) {
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
    path: `/services/${service.slug}`,
    service: service.slug,
    team: service.team,
    at: decision.at,
  });
}

function gateSummary(d: GateDecision): string {
  const what = [d.service, d.version ?? d.sha?.slice(0, 10)].filter(Boolean).join(" ");
  const change = d.changeRequestId === null ? "" : ` with change request ${d.changeRequestId}`;
  if (d.decision === "allow") return `Gate allowed ${what} to ${d.environment}${change}`;
  return `Gate denied ${what} to ${d.environment}${change}: ${d.reasons.map((r) => r.message).join("; ")}`;
}
