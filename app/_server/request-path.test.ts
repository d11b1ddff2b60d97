import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { requestPath } from "./request-path";

const request = (url: string | undefined) => ({ url }) as IncomingMessage;

describe("requestPath", () => {
  it("is the URL up to its query string", () => {
    expect(requestPath(request("/api/v1/metrics"))).toBe("/api/v1/metrics");
    expect(requestPath(request("/api/v1/metrics?from=2026-01-01&to=x"))).toBe("/api/v1/metrics");
    expect(requestPath(request("/api/v1/deployments?"))).toBe("/api/v1/deployments");
    expect(requestPath(request("/?a?b"))).toBe("/");
  });

  it("is undefined for a request without a URL", () => {
    expect(requestPath(request(undefined))).toBeUndefined();
  });
});
