import { generateKeyPairSync } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDatabase } from "@/db/client";
import { findIntegration } from "@/db/queries/integrations";
import { findUserByEmail } from "@/db/queries/users";
import { processDatabase } from "@/db/test/engine";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { getAuth } from "@/lib/auth/auth";
import { open } from "@/lib/crypto/secret-box";
import { createUserAccount } from "@/lib/users/users";
import { createIntegration, integrationConfig, integrationKey } from "@/lib/webhooks/integrations";
import { saveIntegrationConfig, saveIntegrationGate } from "./integrations";
import { sessionCookie, setRequestHeaders } from "./test-request";

vi.mock("next/headers", async () => (await import("./test-request")).nextHeadersMock);
vi.mock("next/cache", async () => (await import("./test-request")).nextCacheMock);

/* Settings' "Deployment gate" form of a GitHub or GitLab integration (issue 18, items 3 and 4). */

processDatabase();
const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048, privateKeyEncoding: { type: "pkcs8", format: "pem" }, publicKeyEncoding: { type: "spki", format: "pem" } });
const form = (fields: Record<string, string | number>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, String(v));
  return data;
};
let github = 0;
let gitlab = 0;
let pagerduty = 0;

beforeAll(async () => {
  const db = getDatabase();
  await createUserAccount(await getAuth(), db, CLI_ACTOR, { email: "admin@example.com", name: "Admin", role: "admin", password: "admin-password-123" });
  expect(await findUserByEmail(db.read, "admin@example.com")).toBeDefined();
  setRequestHeaders({ cookie: await sessionCookie("admin@example.com", "admin-password-123") });
  const key = await integrationKey(db, undefined);
  github = (await createIntegration(db, CLI_ACTOR, key, { source: "github", name: "App" })).integration.id;
  gitlab = (await createIntegration(db, CLI_ACTOR, key, { source: "gitlab", name: "Lab", secret: "gitlab-hook-token-0123" })).integration.id;
  pagerduty = (await createIntegration(db, CLI_ACTOR, key, { source: "pagerduty", name: "PD" })).integration.id;
});

const stored = async (id: number) => (await findIntegration(getDatabase().read, id))!;

describe("the deployment gate form", () => {
  it("saves the App id, the API URL and the sealed private key, which the mappings form leaves alone", async () => {
    const result = await saveIntegrationGate({ status: "idle" }, form({ id: github, appId: " 4242 ", apiBaseUrl: "https://github.example.com/api/v3/", credential: privateKey }));
    expect(result).toMatchObject({ status: "success" });
    const after = await stored(github);
    expect(integrationConfig(after)).toMatchObject({ appId: "4242", apiBaseUrl: "https://github.example.com/api/v3" });
    expect(after.credentialSealed).not.toContain("PRIVATE KEY");
    expect(open(after.credentialSealed!, await integrationKey(getDatabase(), undefined))).toBe(privateKey.trim());

    expect(await saveIntegrationConfig({ status: "idle" }, form({ id: github, serviceMap: "acme/shop = shop" }))).toMatchObject({ status: "success" });
    expect(integrationConfig(await stored(github))).toMatchObject({ appId: "4242", apiBaseUrl: "https://github.example.com/api/v3", serviceMap: { "acme/shop": "shop" } });
    // An empty credential keeps the stored one.
    await saveIntegrationGate({ status: "idle" }, form({ id: github, appId: "4242", apiBaseUrl: "", credential: "" }));
    expect((await stored(github)).credentialSealed).toBe(after.credentialSealed);
  });

  it("names the field of a mistake, writes nothing, and never echoes the credential back", async () => {
    const before = await stored(github);
    const badKey = await saveIntegrationGate({ status: "idle" }, form({ id: github, appId: "99", apiBaseUrl: "", credential: "-----BEGIN PRIVATE KEY-----\nnot a key" }));
    expect(badKey).toMatchObject({ status: "error", fields: { credential: "Credential must be the GitHub App's private key (a PEM file's text)" } });
    expect(JSON.stringify(badKey)).not.toContain("not a key");
    const badUrl = await saveIntegrationGate({ status: "idle" }, form({ id: github, appId: "99", apiBaseUrl: "ftp://github.example.com", credential: "" }));
    expect(badUrl).toMatchObject({ status: "error", fields: { apiBaseUrl: expect.stringContaining("must be an http(s) URL") } });
    expect(await saveIntegrationGate({ status: "idle" }, form({ id: github, appId: "App 1", apiBaseUrl: "", credential: "" }))).toMatchObject({ status: "error", fields: { appId: expect.stringContaining("numeric id") } });
    expect(await saveIntegrationGate({ status: "idle" }, form({ id: pagerduty, appId: "", apiBaseUrl: "", credential: "" }))).toMatchObject({ status: "error", message: expect.stringContaining("only GitHub and GitLab") });
    expect(await stored(github)).toEqual(before);
  });

  it("stores a GitLab access token sealed, with its API URL", async () => {
    expect(await saveIntegrationGate({ status: "idle" }, form({ id: gitlab, appId: "123", apiBaseUrl: "https://gitlab.example.com/api/v4", credential: "glpat-0123456789abcdef" }))).toMatchObject({ status: "success" });
    const after = await stored(gitlab);
    expect(integrationConfig(after)).toMatchObject({ appId: "", apiBaseUrl: "https://gitlab.example.com/api/v4" });
    expect(after.credentialSealed).not.toContain("glpat");
  });
});
