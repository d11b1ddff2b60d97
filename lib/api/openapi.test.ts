import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "./openapi";

/** Every route handler under app/api, as an OpenAPI path ("[id]" → "{id}"). */
function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
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
});
