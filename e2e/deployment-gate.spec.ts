import { createHmac, generateKeyPairSync } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { test, expect, expectAccessible, pageAs } from "./support/fixtures";
import { ADMIN_TOKEN_FILE, INGEST_TOKEN_FILE } from "./support/users";

const bearer = (file: string) => ({ authorization: `Bearer ${fs.readFileSync(file, "utf8").trim()}` });

test("a GitHub deployment waiting on Tandem's protection rule is approved within 5 s of its change's approval", async ({ browser, request }) => {
  const calls: { path: string; authorization: string | undefined; body: string }[] = [];
  const github = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      calls.push({ path: req.url!, authorization: req.headers.authorization, body });
      if (req.url!.endsWith("/access_tokens")) res.writeHead(201, { "content-type": "application/json" }).end(JSON.stringify({ token: "ghs_e2e_token" }));
      else res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => github.listen(0, "127.0.0.1", resolve));
  const api = `http://127.0.0.1:${(github.address() as AddressInfo).port}`;
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048, privateKeyEncoding: { type: "pkcs8", format: "pem" }, publicKeyEncoding: { type: "spki", format: "pem" } });

  const slug = `gated-${Date.now().toString(36)}`;
  expect((await request.put(`/api/v1/services/${slug}`, { headers: bearer(ADMIN_TOKEN_FILE), data: { name: "Gated", requireChange: ["production"] } })).status()).toBe(201);
  const filed = await request.post("/api/v1/changes", {
    headers: bearer(INGEST_TOKEN_FILE),
    data: { title: `Release ${slug}`, service: slug, type: "normal", risk: "low", plannedStart: new Date(Date.now() - 3_600_000).toISOString(), plannedEnd: new Date(Date.now() + 3_600_000).toISOString() },
  });
  expect(filed.status()).toBe(201);
  const change = (await filed.json()) as { id: number };

  const admin = await pageAs(browser, "admin");
  await admin.goto("/settings");
  const add = admin.getByRole("form", { name: "Add an integration" });
  await add.getByLabel("Source").selectOption("github");
  await add.getByLabel("Integration name").fill(`App ${slug}`);
  await add.getByRole("button", { name: "Add integration" }).click();
  const url = await admin.getByLabel("Webhook URL").inputValue();
  const secret = await admin.getByLabel("Secret (shown once)").inputValue();
  await admin.getByRole("link", { name: `App ${slug}` }).click();
  const mappings = admin.getByRole("form", { name: "Integration mappings" });
  await mappings.getByLabel("Services").fill(`acme/${slug} = ${slug}`);
  await mappings.getByRole("button", { name: "Save mappings" }).click();
  await expect(mappings.getByRole("status")).toHaveText("Saved. New deliveries use these mappings.");
  const gate = admin.getByRole("form", { name: "Deployment gate" });
  await gate.getByLabel("GitHub App id").fill("4242");
  await gate.getByLabel("API base URL").fill("ftp://nowhere");
  await gate.getByRole("button", { name: "Save deployment gate" }).click();
  await expect(gate.getByLabel("API base URL")).toHaveAccessibleDescription(/must be an http\(s\) URL/);
  await gate.getByLabel("API base URL").fill(api);
  await gate.getByLabel("App private key (PEM)").fill(privateKey);
  await gate.getByRole("button", { name: "Save deployment gate" }).click();
  await expect(gate.getByRole("status")).toHaveText("Saved, with the new credential. Waiting deployments are answered with it.");
  await admin.reload();
  await expect(gate.getByLabel("App private key (PEM)")).toHaveValue("");
  await expect(gate.getByLabel("App private key (PEM)")).toHaveAccessibleDescription(/One is stored/);
  await expect(admin.getByRole("form", { name: "Integration mappings" }).getByLabel("Services")).toHaveValue(`acme/${slug} = ${slug}`);
  expect(await admin.content()).not.toContain("PRIVATE KEY");
  await expectAccessible(admin);

  const body = JSON.stringify({
    action: "requested",
    environment: "production",
    event: "push",
    deployment_callback_url: `${api}/repos/acme/${slug}/actions/runs/1/deployment_protection_rule`,
    deployment: { id: 1, sha: "c".repeat(40), ref: "main", description: `Release for change:${change.id}`, payload: {}, environment: "production" },
    repository: { full_name: `acme/${slug}` },
    installation: { id: 9 },
  });
  const delivered = await request.post(url, {
    headers: { "content-type": "application/json", "x-github-event": "deployment_protection_rule", "x-github-delivery": `e2e-${slug}`, "x-hub-signature-256": `sha256=${createHmac("sha256", secret).update(body).digest("hex")}` },
    data: body,
  });
  expect(delivered.status()).toBe(200);
  // The change is not approved yet: the request waits, nothing is sent to GitHub.
  await admin.waitForTimeout(3_000);
  expect(calls).toEqual([]);

  const approver = await pageAs(browser, "approver");
  await approver.goto(`/changes/${change.id}`);
  const decide = approver.getByRole("form", { name: "Decide" });
  await decide.getByLabel("Comment").fill("Release plan reviewed");
  await decide.getByRole("button", { name: "Approve" }).click();
  await expect(approver.getByText("approved", { exact: true }).first()).toBeVisible();
  await expect.poll(() => calls.map((c) => c.path), { timeout: 5_000 }).toEqual(["/app/installations/9/access_tokens", `/repos/acme/${slug}/actions/runs/1/deployment_protection_rule`]);
  expect(calls[1]!.authorization).toBe("token ghs_e2e_token");
  expect(JSON.parse(calls[1]!.body)).toEqual({ environment_name: "production", state: "approved", comment: `Tandem's gate allows this deployment with change request ${change.id}.` });

  await admin.reload();
  await expect(admin.getByRole("region", { name: "Recent deliveries" }).getByRole("row").filter({ hasText: "deployment_protection_rule.answer" }).filter({ hasText: "applied" })).toHaveCount(1);
  await admin.context().close();
  await approver.context().close();
  await new Promise<void>((resolve) => github.close(() => resolve()));
});
