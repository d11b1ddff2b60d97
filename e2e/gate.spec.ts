import fs from "node:fs";
import { test, expect, expectAccessible, pageAs } from "./support/fixtures";
import { ADMIN_TOKEN_FILE, INGEST_TOKEN_FILE } from "./support/users";

const bearer = (file: string) => ({ authorization: `Bearer ${fs.readFileSync(file, "utf8").trim()}` });

test("an admin requires approved changes per environment on the service's page; the gate then denies there, on the timeline", async ({ browser, request }) => {
  const slug = `gate-${Date.now().toString(36)}`;
  expect((await request.put(`/api/v1/services/${slug}`, { headers: bearer(ADMIN_TOKEN_FILE), data: { name: "Gate demo" } })).status()).toBe(201);

  const admin = await pageAs(browser, "admin");
  await admin.goto(`/services/${slug}`);
  const form = admin.getByRole("form", { name: "Edit service" });
  await form.getByLabel("Window tolerance (minutes)").fill("-5");
  await form.getByRole("button", { name: "Save service" }).click();
  await expect(form.getByLabel("Window tolerance (minutes)")).toHaveAccessibleDescription(/must not be negative/);
  await form.getByLabel("Environments that require an approved change").fill("production, EU-Prod");
  await form.getByLabel("Window tolerance (minutes)").fill("15");
  await form.getByLabel("Every deployment until it is closed").check();
  await form.getByRole("button", { name: "Save service" }).click();
  await expect(form.getByText("Saved Gate demo.")).toBeVisible();
  await admin.reload();
  await expect(form.getByLabel("Environments that require an approved change")).toHaveValue("eu-prod, production");
  await expect(form.getByLabel("Window tolerance (minutes)")).toHaveValue("15");
  await expect(form.getByLabel("Every deployment until it is closed")).toBeChecked();
  await expectAccessible(admin);

  const ask = async (environment: string) => {
    const response = await request.post("/api/v1/gate", { headers: bearer(INGEST_TOKEN_FILE), data: { service: slug, environment, version: "2.0.0" } });
    expect(response.status()).toBe(200);
    return (await response.json()) as { decision: string; reasons: { code: string }[] };
  };
  const denied = await ask("eu-prod");
  expect(denied.decision).toBe("deny");
  expect(denied.reasons.map((r) => r.code)).toContain("change_required");
  expect((await ask("staging")).reasons.map((r) => r.code)).not.toContain("change_required");

  await admin.goto(`/timeline?type=gate&service=${slug}`);
  await expect(admin.getByRole("link", { name: "Gate decisions" })).toHaveAttribute("aria-current", "true");
  await expect(admin.getByTestId("timeline-event").filter({ hasText: `Gate denied ${slug} 2.0.0 to eu-prod` })).toBeVisible();
  await expectAccessible(admin);
  await admin.context().close();
});

test("admins keep a standard change catalog in Settings; a standard change filed from it is approved on submission, and refused outside it", async ({ browser }) => {
  const title = `Rotate log files ${Date.now().toString(36)}`;
  const admin = await pageAs(browser, "admin");
  await admin.goto("/settings");
  const add = admin.getByRole("form", { name: "Add a standard change" });
  await add.getByLabel("Title").fill(title);
  await add.getByLabel("Service").selectOption("api-gateway");
  await add.getByLabel("Risk up to").selectOption("low");
  await add.getByRole("button", { name: "Add to catalog" }).click();
  await expect(add.getByText(`"${title}" added to the catalog.`)).toBeVisible();
  await expect(admin.getByRole("table", { name: "Standard change templates" }).getByRole("row", { name: new RegExp(title) })).toContainText("API Gateway");
  await expectAccessible(admin);
  await admin.context().close();

  const page = await pageAs(browser, "engineer");
  await page.goto("/changes/new");
  const form = page.getByRole("form", { name: "File a change request" });
  await form.getByLabel("Title").fill(title);
  await form.getByLabel("Service").selectOption("api-gateway");
  await form.getByLabel("Type").selectOption("standard");
  await form.getByLabel("Risk").selectOption("medium");
  await form.getByLabel("Standard change template").selectOption({ label: `${title} — API Gateway, up to low risk` });
  await form.getByRole("button", { name: "Submit for approval" }).click();
  await expect(form.getByLabel("Risk")).toHaveAccessibleDescription(/carries at most low risk, not medium; file a normal change instead/);
  await form.getByLabel("Risk").selectOption("low");
  await form.getByLabel("Standard change template").selectOption({ label: `${title} — API Gateway, up to low risk` });
  await form.getByRole("button", { name: "Submit for approval" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText("approved", { exact: true }).first()).toBeVisible();
  await page.getByRole("button", { name: "Mark implemented" }).click();
  await expect(page.getByText("implemented", { exact: true }).first()).toBeVisible();
  await page.context().close();
});
