import { describe, expect, it } from "vitest";
import { ROUTES, routeKey } from "@/lib/auth/access-registry";
import { methodNotAllowed } from "./route-methods";

/** A URL a route file serves: each [param] filled with a value. */
const urlOf = (path: string) => path.split("/").map((segment) => (segment.startsWith("[...") ? "a/b" : segment.startsWith("[") ? "7" : segment)).join("/");

describe("methodNotAllowed", () => {
  it("answers every method a registered route answers, and refuses every other one naming those", () => {
    const byPath = new Map<string, string[]>();
    for (const route of ROUTES) {
      const [method, path] = routeKey(route).split(" ") as [string, string];
      if (!path.includes("[...")) byPath.set(path, [...(byPath.get(path) ?? []), method]);
    }
    expect(byPath.size).toBeGreaterThan(20);
    for (const [path, methods] of byPath) {
      for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"]) {
        const reply = methodNotAllowed(method, urlOf(path));
        if (methods.includes(method)) expect(reply, `${method} ${path}`).toBeUndefined();
        else expect(reply, `${method} ${path}`).toMatchObject({ status: 405, headers: { Allow: methods.join(", ") } });
      }
    }
  });

  it("reads a static segment before a parameter, as Next routes it", () => {
    expect(methodNotAllowed("GET", "/api/v1/incidents/7/action-items")).toBeUndefined();
    expect(methodNotAllowed("DELETE", "/api/v1/incidents/7/action-items")).toMatchObject({ headers: { Allow: "GET, POST" } });
    expect(methodNotAllowed("GET", "/api/v1/incidents/7")).toMatchObject({ headers: { Allow: "PATCH" } });
  });

  it("leaves paths no route serves to the catch-all's 404, and HEAD and OPTIONS to Next", () => {
    expect(methodNotAllowed("GET", "/api/v1/nothing-here")).toBeUndefined();
    expect(methodNotAllowed("POST", "/_next/static/chunks/app.js")).toBeUndefined();
    expect(methodNotAllowed("DELETE", "/settings")).toBeUndefined();
    expect(methodNotAllowed("GET", "/api/v1/incidents/7/action-items/9")).toBeUndefined();
    expect(methodNotAllowed("HEAD", "/api/v1/deployments")).toBeUndefined();
    expect(methodNotAllowed("OPTIONS", "/api/v1/deployments")).toBeUndefined();
  });
});
