import { createHash } from "node:crypto";
import type { Database, Queryable } from "@/db/database";
import type { Incident, Integration } from "@/db/schema";
import { findIncidentByExternalId } from "@/db/queries/incidents";
import { claimDelivery, findIntegration, listActiveIntegrations, logDelivery } from "@/db/queries/integrations";
import { bodyGate, parseJsonBody } from "@/lib/api/body";
import { errorReply, type Reply } from "@/lib/api/endpoint";
import type { Actor } from "@/lib/auth/actor";
import { AppError, invalid } from "@/lib/errors";
import { patchIncidentByExternalIdIn, recordIncidentIn } from "@/lib/incidents/record";
import { recordDeploymentsIn } from "@/lib/ingest/deployments";
import { recordPushIn } from "@/lib/ingest/pushes";
import { deploymentInputSchema } from "@/lib/ingest/schema";
import { incidentCreateSchema, incidentPatchSchema } from "@/lib/incidents/schema";
import { integrationConfig, integrationSecret } from "./integrations";
import { PARSERS } from "./parsers";
import { keepProtectionRequest } from "./protection";
import { printable } from "@/lib/validation";
import { clip } from "./payload";
import { PayloadError, WEBHOOK_SOURCES, type ParsedDelivery, type WebhookEffect, type WebhookSource } from "./types";
import { offersSignature, signsBody, verifyDelivery } from "./verify";
import { recordId } from "@/lib/whole-number";

/** The enabled integration of this source a path names; none for a path naming no integration id (as for an unknown one). */
async function namedIntegration(db: Database, source: WebhookSource, id: string): Promise<Integration[]> {
  const parsed = recordId().safeParse(id);
  const integration = parsed.success ? await findIntegration(db.read, parsed.data) : undefined;
  return integration && integration.source === source && !integration.disabledAt ? [integration] : [];
}

const notVerified = () => new AppError("unauthorized", "The delivery's signature or token does not match this integration's secret.");

/**
 * The integration that sent this delivery (the one in the path, or any of the source's) and its body,
 * read only once the headers allow: after the token for sources that send their secret in a header;
 * for sources that sign the body, once an enabled integration and a signature of the right form are
 * there, and then within the cap on unverified bodies (503).
 */
async function authenticate(db: Database, key: Buffer, source: WebhookSource, id: string | undefined, headers: Headers, readBody: () => Promise<Buffer>) {
  const candidates = id === undefined ? await listActiveIntegrations(db.read, source) : await namedIntegration(db, source, id);
  const signedBy = (body: Buffer) => candidates.find((i) => verifyDelivery(source, headers, body, integrationSecret(i, key)));
  if (signsBody(source)) {
    if (candidates.length === 0) throw notVerified();
    if (!offersSignature(source, headers)) throw new AppError("unauthorized", `The delivery carries no ${source === "github" ? "X-Hub-Signature-256" : "X-PagerDuty-Signature"} signature.`);
    const body = await bodyGate().unverifiedRead(readBody);
    const integration = signedBy(body);
    if (!integration) throw notVerified();
    return { integration, body };
  }
  const integration = signedBy(Buffer.alloc(0));
  if (!integration) throw notVerified();
  return { integration, body: await readBody() };
}

async function apply(tx: Queryable, actor: Actor, integrationId: number, effect: WebhookEffect): Promise<string> {
  const source = `integration:${integrationId}`;
  switch (effect.kind) {
    case "deployment": {
      const parsed = deploymentInputSchema.safeParse(effect.body);
      if (!parsed.success) throw invalid(parsed.error.issues);
      const [result] = await recordDeploymentsIn(tx, actor, source, [parsed.data], false);
      return `deployment ${result!.deployment.id} ${result!.created ? "recorded" : "updated"} (${result!.deployment.status})`;
    }
    case "push":
      return `push of ${(await recordPushIn(tx, actor, source, effect.push)).commits} commits recorded`;
    case "incident": {
      const parsed = incidentCreateSchema.safeParse(effect.body);
      if (!parsed.success) throw invalid(parsed.error.issues);
      const known = (effect.opening || parsed.data.acknowledgedAt) && parsed.data.externalId ? await findIncidentByExternalId(tx, source, parsed.data.externalId) : undefined;
      const opened = known && effect.opening && known.startedAt <= parsed.data.startedAt ? { ...parsed.data, startedAt: known.startedAt } : parsed.data;
      const { incident, created } = await recordIncidentIn(tx, actor, source, withFirstAcknowledgement(known, opened));
      return `incident ${incident.id} ${created ? "declared" : "updated"} (${incident.status})`;
    }
    case "incident-update": {
      const parsed = incidentPatchSchema.safeParse(effect.patch);
      if (!parsed.success) throw invalid(parsed.error.issues);
      const known = parsed.data.acknowledgedAt ? await findIncidentByExternalId(tx, source, effect.externalId) : undefined;
      const patch = withFirstAcknowledgement(known, parsed.data);
      if (Object.keys(patch).length === 0) return `incident ${known!.id} was acknowledged earlier (or resolved before this acknowledgement); nothing to update`;
      const incident = await patchIncidentByExternalIdIn(tx, actor, source, effect.externalId, patch);
      return incident ? `incident ${incident.id} updated (${incident.status})` : `no incident ${effect.externalId} known; nothing to update`;
    }
    case "incident-reopen": {
      const known = await findIncidentByExternalId(tx, source, effect.externalId);
      if (!known) return `no incident ${effect.externalId} known; nothing to reopen`;
      if (known.status !== "resolved") return `incident ${known.id} is already open (${known.status})`;
      const incident = (await patchIncidentByExternalIdIn(tx, actor, source, effect.externalId, { status: "investigating" }))!;
      return `incident ${incident.id} reopened (${incident.status})`;
    }
    case "protection":
      return keepProtectionRequest(tx, integrationId, effect.ask);
  }
}

/**
 * Tools acknowledge an incident more than once (a re-acknowledgement after its timeout, a second
 * responder, an event delivered late): its time to acknowledge counts from the first, so a later one
 * leaves it as it was, and one after the incident was resolved is no news (taken, it would be refused
 * as coming after the resolution, and the tool would send it again and again).
 */
function withFirstAcknowledgement<T extends { acknowledgedAt?: Date | null }>(known: Pick<Incident, "acknowledgedAt" | "resolvedAt" | "status"> | undefined, input: T): T {
  const at = input.acknowledgedAt;
  if (!known || !at) return input;
  const later = known.acknowledgedAt !== null && known.acknowledgedAt <= at;
  const afterResolution = known.status === "resolved" && known.resolvedAt !== null && at > known.resolvedAt && !("resolvedAt" in input);
  if (!later && !afterResolution) return input;
  const { acknowledgedAt: _dropped, ...rest } = input;
  return rest as T;
}

/** Thrown inside the transaction to roll back every claim of a delivery received before. */
class Replay extends Error {}

/**
 * What makes a delivery one seen before, each claimed once per integration (webhook_receipts): its
 * delivery id, the payload's own identity (the event, whatever id it is sent with), and the body's
 * digest (a signed body replayed byte for byte, whatever its headers say). Each kind has its prefix, so
 * an id chosen by a sender (headers are not signed) can never claim a payload's or body's key.
 */
function receiptKeys(parsed: ParsedDelivery, body: Buffer): string[] {
  const keys = [`body:${sha256(body)}`];
  if (parsed.deliveryId) keys.push(receiptKey("delivery", parsed.deliveryId));
  if (parsed.payloadId) keys.push(receiptKey("payload", parsed.payloadId));
  return keys;
}

/** Longest identity kept as it is; a longer one (a payload may carry any string) is kept as its digest. */
const MAX_RECEIPT_ID = 200;

/** A receipt key of bounded size: an index entry cannot hold any length (PostgreSQL's btree stops at ~2.7 KB). */
function receiptKey(kind: "delivery" | "payload", id: string): string {
  return id.length <= MAX_RECEIPT_ID ? `${kind}:${id}` : `${kind}:sha256:${sha256(Buffer.from(id))}`;
}

const sha256 = (data: Buffer) => createHash("sha256").update(data).digest("hex");

/**
 * The JSON of a delivery. GitHub sends `application/x-www-form-urlencoded` when a webhook's content type is
 * left at "form" (its default), with the JSON in the field `payload`; the signature covers the raw body,
 * which is what was verified and what the receipt digests.
 */
function payloadJson(headers: Headers, body: Buffer): Buffer {
  if (!/^application\/x-www-form-urlencoded\b/i.test(headers.get("content-type") ?? "")) return body;
  const payload = new URLSearchParams(body.toString("utf8")).get("payload");
  if (payload === null) throw new PayloadError("a form-encoded delivery carries its JSON in the field payload, and this one has none");
  return Buffer.from(payload, "utf8");
}

/**
 * POST /api/v1/webhooks/{source}[/{integration}]: verify (401, nothing written; no body read before the
 * headers allow it, see authenticate), parse (400, logged),
 * ignore unused events (202), acknowledge redeliveries and replays without applying them twice (200,
 * nothing written but the log line; see receiptKeys), apply the
 * rest all-or-nothing (200). Every verified delivery lands in the integration's delivery log.
 */
export async function receiveWebhook(
  db: Database,
  key: Buffer,
  delivery: { source: string; integration: string | undefined; headers: Headers; body: () => Promise<Buffer> },
): Promise<Reply> {
  const { source, integration: id, headers } = delivery;
  if (!WEBHOOK_SOURCES.includes(source as WebhookSource) || (id !== undefined && !/^\d+$/.test(id))) {
    return errorReply(new AppError("not_found", `There is no webhook endpoint ${source}${id ? `/${id}` : ""}.`));
  }
  let integration: Integration;
  let body: Buffer;
  try {
    ({ integration, body } = await authenticate(db, key, source as WebhookSource, id, headers, delivery.body));
  } catch (error) {
    if (error instanceof AppError) return errorReply(error);
    throw error;
  }
  const receivedAt = new Date();
  const log = (parsed: Pick<ParsedDelivery, "deliveryId" | "event"> | null, outcome: "applied" | "ignored" | "duplicate" | "refused", status: number, message: string) =>
    db.transaction(async (tx) =>
      // Event names, ids and messages can carry a payload's values: the log keeps a bounded prefix of each.
      logDelivery(tx, {
        integrationId: integration.id,
        deliveryId: parsed?.deliveryId == null ? null : printable(clip(parsed.deliveryId, 200)),
        event: printable(clip(parsed?.event ?? "unknown", 100)),
        outcome,
        status,
        message: printable(clip(message, 1000)),
        receivedAt,
      }),
    );
  let parsed: ParsedDelivery | null = null;
  try {
    parsed = PARSERS[source as WebhookSource]({ headers, body: parseJsonBody(payloadJson(headers, body)), config: integrationConfig(integration) });
    if (parsed.effects.length === 0) {
      await log(parsed, "ignored", 202, parsed.ignoredReason ?? "nothing to record");
      return { status: 202, body: { status: "ignored", reason: parsed.ignoredReason } };
    }
    const actor: Actor = { type: "integration", id: String(integration.id), label: `${integration.source}: ${integration.name}` };
    const delivery = parsed;
    const outcome = await db
      .transaction(async (tx) => {
        for (const claim of receiptKeys(delivery, body)) if (!(await claimDelivery(tx, integration.id, claim))) throw new Replay();
        const results: string[] = [];
        for (const effect of delivery.effects) results.push(await apply(tx, actor, integration.id, effect));
        return results;
      })
      .catch((error: unknown) => {
        if (error instanceof Replay) return null;
        throw error;
      });
    if (!outcome) {
      await log(parsed, "duplicate", 200, "already received (same delivery id, payload or body); not applied again");
      return { status: 200, body: { status: "duplicate" } };
    }
    await log(parsed, "applied", 200, outcome.join("; "));
    return { status: 200, body: { status: "applied", results: outcome } };
  } catch (error) {
    const refusal = error instanceof PayloadError ? new AppError("bad_request", `The payload cannot be used: ${error.message}.`) : error;
    if (refusal instanceof AppError) {
      await log(parsed, "refused", refusal.status, refusal.message);
      return errorReply(refusal);
    }
    console.error(`Webhook from integration ${integration.id} failed:`, error);
    await log(parsed, "refused", 500, "Tandem failed to process this delivery; nothing was written.");
    return { status: 500, body: { error: { code: "internal", message: "Tandem could not process the delivery; nothing was written." } } };
  }
}
