import { createHmac } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { verifyDelivery } from "./verify";

const compared = vi.hoisted(() => ({ count: 0 }));
vi.mock("node:crypto", async (original) => {
  const crypto = await original<typeof import("node:crypto")>();
  return {
    ...crypto,
    timingSafeEqual: (a: NodeJS.ArrayBufferView, b: NodeJS.ArrayBufferView) => {
      compared.count++;
      return crypto.timingSafeEqual(a, b);
    },
  };
});

const body = Buffer.from('{"a":1}');
const hmac = (secret: string) => createHmac("sha256", secret).update(body).digest("hex");
const h = (entries: Record<string, string>) => new Headers(entries);

describe("verifyDelivery", () => {
  it("checks GitHub's X-Hub-Signature-256", () => {
    expect(verifyDelivery("github", h({ "x-hub-signature-256": `sha256=${hmac("s3cret")}` }), body, "s3cret")).toBe(true);
    expect(verifyDelivery("github", h({ "x-hub-signature-256": `sha256=${hmac("other")}` }), body, "s3cret")).toBe(false);
    expect(verifyDelivery("github", h({}), body, "s3cret")).toBe(false);
    expect(verifyDelivery("github", h({ "x-hub-signature-256": `sha256=${hmac("s3cret")}` }), Buffer.from('{"a":2}'), "s3cret")).toBe(false);
  });
  it("accepts any of PagerDuty's v1 signatures (secret rotation)", () => {
    expect(verifyDelivery("pagerduty", h({ "x-pagerduty-signature": `v1=${hmac("old")}, v1=${hmac("new")}` }), body, "new")).toBe(true);
    expect(verifyDelivery("pagerduty", h({ "x-pagerduty-signature": `v1=${hmac("old")}` }), body, "new")).toBe(false);
  });
  it("compares GitLab's token and the others' bearer token", () => {
    expect(verifyDelivery("gitlab", h({ "x-gitlab-token": "tok" }), body, "tok")).toBe(true);
    expect(verifyDelivery("gitlab", h({ "x-gitlab-token": "tok2" }), body, "tok")).toBe(false);
    for (const source of ["opsgenie", "alertmanager", "cdevents"] as const) {
      expect(verifyDelivery(source, h({ authorization: "Bearer tok" }), body, "tok")).toBe(true);
      expect(verifyDelivery(source, h({ authorization: "Bearer nope" }), body, "tok")).toBe(false);
      expect(verifyDelivery(source, h({}), body, "tok")).toBe(false);
    }
  });

  it("compares every signature and secret in constant time, whatever the source", () => {
    for (const [source, headers] of [
      ["github", { "x-hub-signature-256": "sha256=00" }],
      ["pagerduty", { "x-pagerduty-signature": "v1=00" }],
      ["gitlab", { "x-gitlab-token": "x" }],
      ["opsgenie", { authorization: "Bearer x" }],
      ["alertmanager", { authorization: "Bearer x" }],
      ["cdevents", { authorization: "Bearer x" }],
    ] as const) {
      const before = compared.count;
      expect(verifyDelivery(source, h(headers), body, "s3cret")).toBe(false);
      expect(compared.count, source).toBeGreaterThan(before);
    }
  });
});
