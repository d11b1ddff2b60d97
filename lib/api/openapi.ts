import { z } from "zod";
import { deploymentInputSchema, MAX_BATCH } from "@/lib/ingest/schema";
import { changeApiSchema } from "@/lib/changes/schema";
import { incidentCreateSchema, incidentPatchSchema } from "@/lib/incidents/schema";
import { actionItemCreateSchema, actionItemPatchSchema } from "@/lib/action-items/schema";
import { serviceApiSchema } from "@/lib/services/schema";
import { gateQuestionSchema } from "@/lib/changes/ask-gate";
import { freezeApiSchema } from "@/lib/changes/freezes";
import type { GateReasonCode } from "@/lib/changes/gate";
import { WEBHOOK_SOURCES } from "@/lib/webhooks/types";

/** JSON Schema of what a client sends, straight from the zod schemas the routes validate with. */
const input = (schema: z.ZodType) => {
  const { $schema: _draft, ...json } = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
  return json;
};

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: unknown) => ({ content: { "application/json": { schema } } });
const errors = (...codes: number[]) =>
  Object.fromEntries(codes.map((c) => [String(c), { description: ERROR_TEXT[c] ?? "Error", ...json(ref("Error")) }]));
const ERROR_TEXT: Record<number, string> = {
  400: "Invalid input; `fields` names each problem. Nothing was written.",
  401: "No or bad credentials.",
  403: "The token's role does not allow this.",
  404: "Not found.",
  409: "Conflict.",
  408: "The body did not arrive within 10 s.",
  413: "Body over 1 MiB.",
  429: "Too many requests for this token; see Retry-After.",
  503: "Too many unverified bodies are being read at once; see Retry-After.",
};
/** Every code a gate reason can carry, in the contract's order; typed so a new code cannot be left out. */
const GATE_CODES: Record<GateReasonCode, string> = {
  change_required: "the service requires an approved change for this environment and none is named",
  change_not_found: "the named change request does not exist",
  change_not_approved: "the named change is not approved (emergency changes count as approved until decided)",
  change_other_service: "the named change belongs to another service",
  change_used: "the named change was already implemented by an earlier deployment",
  change_outside_window: "now is outside the named normal change's planned window (widened by the service's tolerance)",
  freeze: "a freeze covering this service (or all services) is in force now, and the deployment names no emergency change of its own it may use",
  open_incident: "a SEV1 or SEV2 incident of this service is open, and the deployment names no emergency change of its own it may use",
};

/**
 * The licence the document states. No licence file ships with Tandem yet; this names the one its
 * maintainers chose for the API description, and is the one place to change it.
 */
const LICENSE = { name: "MIT", identifier: "MIT" };

const queryParam = (name: string, description: string) => ({ name, in: "query", required: false, schema: { type: "string" }, description });

/** The OpenAPI 3.1 description of every route, generated (not written by hand) from the validators. */
export function openApiDocument(serverUrl: string) {
  const writes = errors(400, 401, 403, 408, 409, 413, 429);
  return {
    openapi: "3.1.0",
    info: { title: "Tandem API", version: "1", description: "Deployments, incidents and change requests in; DORA metrics and deployment gate decisions out.", license: LICENSE },
    servers: [{ url: serverUrl }],
    security: [{ bearer: [] }],
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "An API token from Settings or `npm run tandem -- token create`." } },
      schemas: {
        Error: {
          type: "object",
          required: ["error"],
          properties: { error: { type: "object", required: ["code", "message"], properties: { code: { type: "string" }, message: { type: "string" }, fields: { type: "object", additionalProperties: { type: "string" } } } } },
        },
        Deployment: input(deploymentInputSchema),
        DeploymentBatch: { type: "object", required: ["deployments"], properties: { deployments: { type: "array", minItems: 1, maxItems: MAX_BATCH, items: ref("Deployment") } } },
        Incident: input(incidentCreateSchema),
        IncidentPatch: input(incidentPatchSchema),
        ActionItem: input(actionItemCreateSchema),
        ActionItemPatch: input(actionItemPatchSchema),
        ActionItemOut: {
          type: "object",
          description: "An action item as returned: `owner` is the owner's email; `overdue` is true when it is open and its due day has ended (UTC).",
          properties: {
            id: { type: "integer" },
            incident: { type: "integer" },
            service: { type: "string" },
            title: { type: "string" },
            owner: { type: "string" },
            ownerName: { type: "string" },
            dueDate: { type: "string", format: "date" },
            status: { type: "string", enum: ["open", "done", "wont_do"] },
            url: { type: ["string", "null"] },
            overdue: { type: "boolean" },
            createdAt: { type: "string", format: "date-time" },
            updatedAt: { type: "string", format: "date-time" },
          },
        },
        ChangeRequest: input(changeApiSchema),
        Service: input(serviceApiSchema),
        OnCallShift: {
          type: "object",
          required: ["user", "since", "until", "override"],
          properties: {
            user: { type: "object", required: ["name", "email"], properties: { name: { type: "string" }, email: { type: "string" } } },
            since: { type: "string", format: "date-time" },
            until: { type: "string", format: "date-time" },
            override: { type: "boolean", description: "true when a one-off override, not the rotation, puts them on call" },
          },
        },
        GateQuestion: input(gateQuestionSchema),
        GateAnswer: {
          type: "object",
          required: ["decision", "reasons", "changeRequest"],
          properties: {
            decision: { enum: ["allow", "deny"] },
            reasons: {
              type: "array",
              description: "Every reason that applies; empty when the decision is allow.",
              items: {
                type: "object",
                required: ["code", "message"],
                properties: { code: { enum: Object.keys(GATE_CODES), description: Object.entries(GATE_CODES).map(([c, d]) => `\`${c}\`: ${d}`).join("; ") }, message: { type: "string" } },
              },
            },
            changeRequest: { type: ["integer", "null"] },
          },
        },
        Freeze: input(freezeApiSchema),
      },
    },
    paths: {
      "/api/health": { get: { operationId: "getHealth", summary: "Liveness: 200 when the database answers", security: [], responses: { "200": { description: "OK", ...json({ type: "object", properties: { status: { const: "ok" } } }) }, "503": { description: "The database does not answer" } } } },
      "/api/v1/openapi.json": { get: { operationId: "getOpenApiDocument", summary: "This document", responses: { "200": { description: "OpenAPI 3.1" }, ...errors(401, 403, 429) } } },
      "/api/v1/metrics": {
        get: {
          operationId: "getMetrics",
          summary: "DORA metrics for a window and filters (read token)",
          parameters: [
            queryParam("from", "ISO-8601 timestamp with an offset, or a date (its 00:00 UTC); default 30 days before `to`"),
            queryParam("to", "ISO-8601 timestamp with an offset, or a date (its 00:00 UTC); default now"),
            queryParam("service", "service slug"),
            queryParam("team", "team slug"),
            queryParam("environment", "default production"),
          ],
          responses: { "200": { description: "The figures, as defined in CONTRACT.md" }, ...errors(400, 401, 403, 429) },
        },
      },
      "/api/v1/timeline": {
        get: {
          operationId: "listTimelineEvents",
          summary: "The shared timeline, newest first, with a stable cursor (read token)",
          parameters: [
            queryParam("limit", "1–200, default 50"),
            queryParam("before", "the `next` cursor of the previous page"),
            queryParam("type", "comma list of deployment, incident, change, gate"),
            queryParam("service", "service slug"),
            queryParam("team", "team slug"),
            queryParam("environment", "narrows deployments"),
          ],
          responses: { "200": { description: '{"events": [...], "next": cursor | null}' }, ...errors(400, 401, 403, 429) },
        },
      },
      "/api/v1/oncall": {
        get: {
          operationId: "getOnCall",
          summary: "Who is on call for a team now, until when, and who is next (read token)",
          parameters: [{ name: "team", in: "query", required: true, schema: { type: "string" }, description: "team slug; missing or unknown is 400 naming `team`" }],
          responses: {
            "200": {
              description: "`now` and `next` are null where nobody is on call (no rotation, or before it starts)",
              ...json({
                type: "object",
                required: ["team", "now", "next"],
                properties: { team: { type: "string" }, now: { oneOf: [ref("OnCallShift"), { type: "null" }] }, next: { oneOf: [ref("OnCallShift"), { type: "null" }] } },
              }),
            },
            ...errors(400, 401, 403, 429),
          },
        },
      },
      "/api/v1/deployments": {
        post: {
          operationId: "recordDeployments",
          summary: "Record one deployment, or up to 1,000 all-or-nothing (ingest or admin token)",
          requestBody: { required: true, ...json({ oneOf: [ref("Deployment"), ref("DeploymentBatch")] }) },
          responses: { "201": { description: "Created" }, "200": { description: "Every externalId was seen before: updated, same ids" }, ...writes },
        },
      },
      "/api/v1/incidents": {
        post: {
          operationId: "recordIncident",
          summary: "Declare an incident, or update the one with this externalId",
          requestBody: { required: true, ...json(ref("Incident")) },
          responses: { "201": { description: "Created" }, "200": { description: "Updated (externalId seen before)" }, ...writes },
        },
      },
      "/api/v1/incidents/{id}": {
        patch: {
          operationId: "updateIncident",
          summary: "Change some fields of an incident",
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "integer" } }],
          requestBody: { required: true, ...json(ref("IncidentPatch")) },
          responses: { "200": { description: "Updated" }, ...writes, ...errors(404) },
        },
      },
      "/api/v1/incidents/{id}/action-items": {
        get: {
          operationId: "listIncidentActionItems",
          summary: "An incident's action items, open ones first by due day (read or admin token)",
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "integer" } }],
          responses: { "200": { description: '{"actionItems": [...]}', ...json({ type: "object", properties: { actionItems: { type: "array", items: ref("ActionItemOut") } } }) }, ...errors(400, 401, 403, 404, 429) },
        },
        post: {
          operationId: "createActionItem",
          summary: "Add an action item to an incident: `owner` is the email of an active user who may record (ingest or admin token)",
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "integer" } }],
          requestBody: { required: true, ...json(ref("ActionItem")) },
          responses: { "201": { description: "Created", ...json(ref("ActionItemOut")) }, ...writes, ...errors(404) },
        },
      },
      "/api/v1/action-items/{id}": {
        patch: {
          operationId: "updateActionItem",
          summary: "Change some fields of an action item (ingest or admin token)",
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "integer" } }],
          requestBody: { required: true, ...json(ref("ActionItemPatch")) },
          responses: { "200": { description: "Updated", ...json(ref("ActionItemOut")) }, ...writes, ...errors(404) },
        },
      },
      "/api/v1/changes": {
        post: {
          operationId: "fileChangeRequest",
          summary: "File a change request (a standard one names its catalog template)",
          requestBody: { required: true, ...json(ref("ChangeRequest")) },
          responses: { "201": { description: "Created" }, ...writes },
        },
      },
      "/api/v1/gate": {
        post: {
          operationId: "askGate",
          summary: "May this deployment start now? Always 200 with the decision and every reason (ingest or admin token); recorded on the timeline and in the audit log",
          requestBody: { required: true, ...json(ref("GateQuestion")) },
          responses: { "200": { description: "The decision, allow or deny: a pipeline fails its step unless it is allow", ...json(ref("GateAnswer")) }, ...errors(400, 401, 403, 408, 413, 429) },
        },
      },
      "/api/v1/freezes": {
        post: {
          operationId: "createFreeze",
          summary: "Set a freeze window for one service, or every service when none is named (admin token)",
          requestBody: { required: true, ...json(ref("Freeze")) },
          responses: { "201": { description: "Created: the freeze with its id" }, ...errors(400, 401, 403, 408, 413, 429) },
        },
      },
      "/api/v1/freezes/{id}": {
        delete: {
          operationId: "deleteFreeze",
          summary: "Remove a freeze window (admin token)",
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "integer" } }],
          responses: { "204": { description: "Removed" }, ...errors(400, 401, 403, 404, 429) },
        },
      },
      "/api/v1/services/{slug}": {
        put: {
          operationId: "upsertService",
          summary: "Create or update a service (ingest or admin token; requireChange, changeToleranceMinutes and changeReuse need an admin token)",
          parameters: [{ name: "slug", in: "path", required: true, schema: { type: "string", pattern: "^[a-z0-9][a-z0-9-]*$" } }],
          requestBody: { required: true, ...json(ref("Service")) },
          responses: { "201": { description: "Created" }, "200": { description: "Updated" }, ...writes },
        },
      },
      "/api/v1/webhooks/{source}/{integration}": {
        post: {
          operationId: "receiveWebhookForIntegration",
          summary: "A webhook delivery, authenticated by the integration's own signature or token (not an API token)",
          security: [],
          parameters: [
            { name: "source", in: "path", required: true, schema: { type: "string", enum: [...WEBHOOK_SOURCES] } },
            { name: "integration", in: "path", required: true, schema: { type: "integer" } },
          ],
          responses: { "200": { description: "Applied, or a redelivery or replayed payload acknowledged" }, "202": { description: "An event Tandem does not use" }, ...errors(400, 401, 404, 408, 413, 503) },
        },
      },
      "/api/v1/webhooks/{source}": {
        post: {
          operationId: "receiveWebhook",
          summary: "The same, matching the secret among the source's integrations",
          security: [],
          parameters: [{ name: "source", in: "path", required: true, schema: { type: "string", enum: [...WEBHOOK_SOURCES] } }],
          responses: { "200": { description: "Applied" }, "202": { description: "Ignored" }, ...errors(400, 401, 404, 408, 413, 503) },
        },
      },
      "/api/wall/{token}": {
        get: {
          operationId: "getWall",
          summary: "The wall's data for a read-only wall link (no API token), or `session` for a signed-in person",
          security: [],
          parameters: [{ name: "token", in: "path", required: true, schema: { type: "string" } }],
          responses: {
            "200": { description: "Every view of the link (figures, open incidents, changes waiting, today's deployments, latest events) and the seconds each is shown" },
            "404": { description: "No such link" },
            "410": { description: "The link was revoked or has expired" },
          },
        },
      },
      "/api/wall/{token}/events": {
        get: {
          operationId: "streamWallEvents",
          summary: "Server-Sent Events: `data: <version>` at once and after every write, a comment every 15 s, `event: gone` when the link is revoked",
          security: [],
          parameters: [{ name: "token", in: "path", required: true, schema: { type: "string" } }],
          responses: { "200": { description: "text/event-stream" }, "404": { description: "No such link" }, "410": { description: "The link was revoked or has expired" } },
        },
      },
      "/api/calendar/{feed}": {
        get: {
          operationId: "getCalendarFeed",
          summary: "A team's (or every team's) planned changes and freezes as iCal (RFC 5545) for calendar apps; the secret link an admin made in Settings is the credential (`{secret}.ics`)",
          security: [],
          parameters: [{ name: "feed", in: "path", required: true, schema: { type: "string" } }],
          responses: { "200": { description: "text/calendar" }, "404": { description: "No such feed link, or it was revoked", ...json(ref("Error")) } },
        },
      },
      "/metrics": { get: { operationId: "getPrometheusMetrics", summary: "Prometheus text exposition (read token)", responses: { "200": { description: "text/plain; version=0.0.4" }, ...errors(401, 403, 429) } } },
    },
  };
}
