import { test, expect, expectAccessible, pageAs } from "./support/fixtures";

test("the theme can be switched and is remembered", async ({ browser }) => {
  const page = await pageAs(browser, "engineer");
  await page.goto("/services");
  await page.getByRole("button", { name: "Dark" }).click();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await expect(page.getByRole("button", { name: "Dark" })).toHaveAttribute("aria-pressed", "true");
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await page.getByRole("button", { name: "System" }).click();
  await expect(page.locator("html")).not.toHaveAttribute("data-theme", /.+/);
  await page.context().close();
});

test("navigation works by keyboard and marks the current page", async ({ browser }) => {
  const page = await pageAs(browser, "viewer");
  await page.goto("/");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
  const nav = page.getByRole("navigation", { name: "Main", exact: true });
  await nav.getByRole("link", { name: "Incidents" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/incidents$/);
  await expect(nav.getByRole("link", { name: "Incidents" })).toHaveAttribute("aria-current", "page");
  await page.context().close();
});

test("on a phone the navigation sits behind a menu button", async ({ browser }) => {
  const context = await browser.newContext({ storageState: "e2e/.tmp/state-viewer.json", viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto("/");
  await expect(page.getByRole("navigation", { name: "Main", exact: true })).toBeHidden();
  await page.getByText("Menu").click();
  await page.getByRole("navigation", { name: "Main (menu)" }).getByRole("link", { name: "Changes" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Change requests" })).toBeVisible();
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth).toBeLessThanOrEqual(390);
  await context.close();
});

test("the not-allowed page a viewer meets passes axe in light and dark", async ({ browser }) => {
  const page = await pageAs(browser, "viewer");
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    const response = await page.goto("/settings");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { level: 1, name: "Not allowed" })).toBeVisible();
    await expectAccessible(page);
  }
  await page.context().close();
});

test("the API page links to an OpenAPI description a signed-in user can open", async ({ browser }) => {
  const page = await pageAs(browser, "viewer");
  await page.goto("/api-docs");
  await expect(page.getByRole("region", { name: "GitHub Actions: record each production deploy" })).toContainText("secrets.TANDEM_TOKEN");
  const response = await page.request.get("/api/v1/openapi.json");
  expect(response.status()).toBe(200);
  const doc = await response.json();
  expect(Object.keys(doc.paths)).toContain("/api/v1/deployments");
  await page.context().close();
});

test("the OpenAPI description needs a token or a session", async ({ playwright, baseURL }) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  const response = await anonymous.get("/api/v1/openapi.json");
  expect(response.status()).toBe(401);
  expect((await response.json()).error.code).toBe("unauthorized");
});

test("an admin filters the audit log by entity and action; a viewer is refused", async ({ browser }) => {
  const admin = await pageAs(browser, "admin");
  await admin.goto("/settings");
  await admin.getByRole("link", { name: "Audit log" }).click();
  await admin.getByLabel("Entity").selectOption("user");
  await admin.getByLabel("Action starts with").fill("user.create");
  await admin.getByRole("button", { name: "Filter" }).click();
  await expect(admin).toHaveURL(/entity=user/);
  const rows = admin.getByTestId("audit-entry");
  await expect(rows.first()).toBeVisible();
  for (const text of await rows.allTextContents()) expect(text).toContain("user.create");
  await admin.context().close();
  const viewer = await pageAs(browser, "viewer");
  expect((await viewer.goto("/settings/audit"))?.status()).toBe(403);
  await viewer.context().close();
});
