import { describe, expect, it } from "vitest";
import { DELETE, GET, PATCH, POST, PUT } from "./route";

describe("an /api/v1 path no route serves", () => {
  it.each([
    ["GET", GET, "/api/v1/deployment"],
    ["POST", POST, "/api/v1/services"],
    ["PUT", PUT, "/api/v1/nothing/here"],
    ["PATCH", PATCH, "/api/v1/incidents/7/extra"],
    ["DELETE", DELETE, "/api/v1/x"],
  ])("%s %s answers the API's 404 envelope naming it", async (method, handler, path) => {
    const response = handler(new Request(`http://tandem.test${path}?q=1`, { method }));
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toContain("application/json");
    expect(await response.json()).toEqual({
      error: { code: "not_found", message: `There is no API endpoint ${method} ${path}; the endpoints are listed in /api/v1/openapi.json.` },
    });
  });
});
