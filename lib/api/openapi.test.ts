import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createConfig, lintFromString } from "@redocly/openapi-core";
import { openApiDocument } from "./openapi";

/** Every route handler under app/api, as an OpenAPI path ("[id]" → "{id}"); a catch-all ("[...path]") answers paths that are not endpoints. */
function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.name.startsWith("[...")) return [];
    return e.isDirectory() ? routeFiles(full) : e.name === "route.ts" ? [full] : [];
  });
}

describe("OpenAPI document", () => {
  const doc = openApiDocument("http://tandem.test");

  it("describes every API route handler", () => {
    const paths = routeFiles(path.join(process.cwd(), "app", "api")).map((f) =>
      path.dirname(path.relative(path.join(process.cwd(), "app"), f)).replace(/\[(\w+)\]/g, "{$1}").replace(/^/, "/"),
    );
    expect(paths.length).toBeGreaterThan(8);
    for (const p of paths) expect(Object.keys(doc.paths)).toContain(p);
  });

  it("names the action item operations and their refusals (issue 17, item 3)", () => {
    const paths = doc.paths as Record<string, Record<string, { operationId?: string; responses: Record<string, unknown> }>>;
    const operations = [paths["/api/v1/incidents/{id}/action-items"]!.get!, paths["/api/v1/incidents/{id}/action-items"]!.post!, paths["/api/v1/action-items/{id}"]!.patch!];
    expect(operations.map((o) => o.operationId)).toEqual(["listIncidentActionItems", "createActionItem", "updateActionItem"]);
    for (const o of operations) expect(Object.keys(o.responses)).toEqual(expect.arrayContaining(["400", "401", "403", "404"]));
    const item = doc.components.schemas.ActionItem as { required: string[]; properties: Record<string, unknown> };
    expect(item.required).toEqual(["title", "owner", "dueDate"]);
    expect(Object.keys((doc.components.schemas.IncidentPatch as { properties: object }).properties)).toContain("communications");
  });

  it("derives request schemas from the validators", () => {
    const deployment = doc.components.schemas.Deployment as { required: string[]; properties: Record<string, { enum?: string[] }> };
    expect(deployment.required).toEqual(["service", "status"]);
    expect(deployment.properties.status!.enum).toEqual(["queued", "in_progress", "success", "failure", "cancelled"]);
    const incident = doc.components.schemas.Incident as { required: string[] };
    expect(incident.required).toEqual(["title", "service", "severity", "startedAt"]);
    expect(JSON.parse(JSON.stringify(doc)).openapi).toBe("3.1.0");
  });

  type Operation = { operationId?: string; responses: Record<string, unknown> };
  const operations = () => Object.entries(doc.paths).flatMap(([p, item]) => Object.entries(item as Record<string, Operation>).map(([method, op]) => ({ key: `${method.toUpperCase()} ${p}`, op })));
  /** The one operation with no client error to describe: no input, no credentials, and 503 when the database is down. */
  const NO_CLIENT_ERRORS = ["GET /api/health"];

  it("gives every operation a unique operationId and its 4xx responses, and states a licence", () => {
    const ids = operations().map(({ key, op }) => [key, op.operationId]);
    for (const [key, id] of ids) expect(id, key).toMatch(/^[a-z][A-Za-z]+$/);
    expect(new Set(ids.map(([, id]) => id)).size).toBe(ids.length);
    for (const { key, op } of operations()) {
      if (!NO_CLIENT_ERRORS.includes(key)) expect(Object.keys(op.responses).some((c) => /^4\d\d$/.test(c)), key).toBe(true);
    }
    expect(doc.info.license).toEqual({ name: "MIT", identifier: "MIT" });
  });

  it("is valid OpenAPI 3.1 by Redocly's recommended rules", async () => {
    const config = await createConfig({ extends: ["recommended"] });
    const problems = await lintFromString({ source: JSON.stringify(doc), absoluteRef: "openapi.json", config });
    expect(problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location[0]?.pointer}`)).toEqual([
      "warn operation-4xx-response: Operation must have at least one `4XX` response. at #/paths/~1api~1health/get/responses",
    ]);
  });

  it("documents the gate's answer with every reason code", () => {
    const answer = doc.components.schemas.GateAnswer as { properties: { reasons: { items: { properties: { code: { enum: string[] } } } } } };
    expect(answer.properties.reasons.items.properties.code.enum).toEqual([
      "change_required", "change_not_found", "change_not_approved", "change_other_service", "change_used", "change_outside_window", "freeze", "open_incident",
    ]);
    expect((doc.components.schemas.ChangeRequest as { properties: Record<string, unknown> }).properties.template).toMatchObject({ description: expect.stringContaining("catalog") });
    expect((doc.components.schemas.Service as { properties: Record<string, unknown> }).properties).toHaveProperty("requireChange");
  });
});
