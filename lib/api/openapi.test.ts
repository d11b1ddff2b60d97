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

  it("derives request schemas from the validators", () => {
    const deployment = doc.components.schemas.Deployment as { required: string[]; properties: Record<string, { enum?: string[] }> };
    expect(deployment.required).toEqual(["service", "status"]);
    expect(deployment.properties.status!.enum).toEqual(["queued", "in_progress", "success", "failure", "cancelled"]);
    const incident = doc.components.schemas.Incident as { required: string[] };
    expect(incident.required).toEqual(["title", "service", "severity", "startedAt"]);
    expect(JSON.parse(JSON.stringify(doc)).openapi).toBe("3.1.0");
  });
});
