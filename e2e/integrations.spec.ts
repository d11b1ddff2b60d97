import { createHmac } from "node:crypto";
import { fixtureText } from "@/lib/webhooks/fixtures";
import { test, expect, expectAccessible, pageAs } from "./support/fixtures";

const fixture = (name: string) => fixtureText("github", name);
/** Names of this run: a retry on CI meets the first attempt's integrations in the same database. */
const run = Date.now().toString(36);
const GITHUB = `Codertocat org ${run}`;
const ALERTMANAGER = `Prometheus ${run}`;

test("an admin adds a GitHub integration; a signed deployment_status shows up as a deployment and in the delivery log", async ({ browser, request }) => {
  const page = await pageAs(browser, "admin");
  await page.goto("/settings");
  const form = page.getByRole("form", { name: "Add an integration" });
  await form.getByLabel("Source").selectOption("github");
  await form.getByLabel("Integration name").fill(GITHUB);
  await form.getByRole("button", { name: "Add integration" }).click();
  const url = await page.getByLabel("Webhook URL").inputValue();
  const secret = await page.getByLabel("Secret (shown once)").inputValue();
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1\/webhooks\/github\/\d+$/);

  const body = fixture("deployment_status.payload.json");
  const post = (signatureSecret: string, delivery: string) =>
    request.post(url, {
      headers: { "content-type": "application/json", "x-github-event": "deployment_status", "x-github-delivery": delivery, "x-hub-signature-256": `sha256=${createHmac("sha256", signatureSecret).update(body).digest("hex")}` },
      data: body,
    });
  expect((await post("not-the-secret", "e2e-0")).status()).toBe(401);
  const delivered = await post(secret, "e2e-1");
  expect(delivered.status()).toBe(200);

  await page.goto("/services/hello-world");
  const latest = page.getByRole("region", { name: "Latest deployments" });
  await expect(latest.getByRole("row", { name: /Hello-World|hello-world/ }).filter({ hasText: "success" })).toHaveCount(1);

  await page.goto("/settings");
  await page.getByRole("link", { name: GITHUB }).click();
  const log = page.getByRole("region", { name: "Recent deliveries" });
  await expect(log.getByRole("row").filter({ hasText: "deployment_status.success" }).filter({ hasText: "applied" })).toHaveCount(1);
  await expect(log.getByRole("cell", { name: "e2e-1" })).toBeVisible();
  await expectAccessible(page);
  await page.context().close();
});

test("mappings are validated with field errors and saved", async ({ browser }) => {
  const page = await pageAs(browser, "admin");
  await page.goto("/settings");
  const form = page.getByRole("form", { name: "Add an integration" });
  await form.getByLabel("Source").selectOption("alertmanager");
  await form.getByLabel("Integration name").fill(ALERTMANAGER);
  await form.getByRole("button", { name: "Add integration" }).click();
  await expect(page.getByLabel("Secret (shown once)")).toBeVisible();
  await page.getByRole("link", { name: ALERTMANAGER }).click();
  const mappings = page.getByRole("form", { name: "Integration mappings" });
  await mappings.getByLabel("Severities").fill("critical = worst");
  await mappings.getByRole("button", { name: "Save mappings" }).click();
  await expect(mappings.getByLabel("Severities")).toHaveAccessibleDescription(/critical: must be SEV1, SEV2, SEV3 or SEV4/);
  await mappings.getByLabel("Severities").fill("critical = SEV1");
  await mappings.getByRole("button", { name: "Save mappings" }).click();
  await expect(mappings.getByRole("status")).toHaveText("Saved. New deliveries use these mappings.");
  await page.reload();
  await expect(page.getByRole("form", { name: "Integration mappings" }).getByLabel("Severities")).toHaveValue("critical = SEV1");
  await page.context().close();
});
