import { test, expect, expectAccessible, pageAs } from "./support/fixtures";

/** Names of this run: a retry on CI meets the first attempt's user and token in the same database. */
const run = Date.now().toString(36);
const NINA = `nina-${run}@example.com`;
const TOKEN = `E2E pipeline ${run}`;

test.describe("settings (admin)", () => {
  test("an admin creates a user, with field errors first, and the user can sign in", async ({ browser }) => {
    const page = await pageAs(browser, "admin");
    await page.goto("/settings");
    const form = page.getByRole("form", { name: "Add a user" });
    await form.getByLabel("Email").fill("not-an-email");
    await form.getByLabel("Initial password").fill("short");
    await form.getByRole("button", { name: "Add user" }).click();
    await expect(form.getByLabel("Name")).toHaveAccessibleDescription("Name is required");
    await expect(form.getByLabel("Email")).toHaveAccessibleDescription("Email must be an email address");
    await expect(form.getByLabel("Initial password")).toHaveAccessibleDescription(/^Initial password must be at least 10 characters/);

    await form.getByLabel("Name").fill("Nina New");
    await form.getByLabel("Email").fill(NINA);
    await form.getByLabel("Role").selectOption("engineer");
    await form.getByLabel("Initial password").fill("nina-password-1");
    await form.getByRole("button", { name: "Add user" }).click();
    await expect(form.getByRole("status")).toHaveText(/Created Nina New \(engineer\)/);
    await expect(page.getByRole("cell", { name: NINA })).toBeVisible();

    await form.getByLabel("Name").fill("Nina Again");
    await form.getByLabel("Email").fill(NINA);
    await form.getByLabel("Initial password").fill("nina-password-2");
    await form.getByRole("button", { name: "Add user" }).click();
    await expect(form.getByLabel("Email")).toHaveAccessibleDescription("is already in use");
    await page.context().close();

    const fresh = await browser.newContext();
    const nina = await fresh.newPage();
    await nina.goto("/sign-in");
    await nina.getByLabel("Email").fill(NINA);
    await nina.getByLabel("Password").fill("nina-password-1");
    await nina.getByRole("button", { name: "Sign in" }).click();
    await expect(nina.getByTestId("current-user")).toContainText("Nina New engineer");
    await fresh.close();
  });

  test("an admin creates an API token that is shown once and works against the database", async ({ browser }) => {
    const page = await pageAs(browser, "admin");
    await page.goto("/settings");
    const form = page.getByRole("form", { name: "Create an API token" });
    await form.getByLabel("Token name").fill(TOKEN);
    await form.getByLabel("Token role").selectOption("ingest");
    await form.getByRole("button", { name: "Create token" }).click();
    const token = await page.getByLabel("Your new token (shown once)").inputValue();
    expect(token).toMatch(/^tdm_[A-Za-z0-9_-]{43}$/);
    await page.reload();
    await expect(page.getByRole("cell", { name: TOKEN, exact: true })).toBeVisible();
    await expect(page.getByLabel("Your new token (shown once)")).toHaveCount(0);
    expect(await page.content()).not.toContain(token);
    await expect(page.getByRole("cell", { name: token.slice(0, 10) + "…" })).toBeVisible();

    // Revoking asks first, says what stops working, and can be called off or confirmed by keyboard alone.
    const row = page.getByRole("row", { name: new RegExp(TOKEN) });
    const revoke = page.getByRole("button", { name: `Revoke ${TOKEN}` });
    await revoke.click();
    const dialog = page.getByRole("dialog", { name: `Revoke the token “${TOKEN}”?` });
    await expect(dialog).toContainText("is refused from its next request on");
    await expect(dialog).toContainText("This cannot be undone");
    await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(revoke).toBeFocused();
    await expect(row.getByText("active")).toBeVisible();
    const ingest = (t: string) => page.request.post("/api/v1/deployments", { headers: { authorization: `Bearer ${t}` }, data: { service: "checkout-api", status: "success", finishedAt: new Date().toISOString() } });
    expect((await ingest(token)).status()).toBe(201);
    await page.keyboard.press("Enter");
    await expect(dialog).toBeVisible();
    await expectAccessible(page);
    await page.keyboard.press("Tab");
    await expect(dialog.getByRole("button", { name: "Revoke token" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(row.getByText("revoked")).toBeVisible();
    expect((await ingest(token)).status()).toBe(401);
    await page.context().close();
  });

  test("an admin changes a role", async ({ browser }) => {
    const page = await pageAs(browser, "admin");
    await page.goto("/settings");
    const roleOf = (name: string) => page.getByRole("form", { name: `Role of ${name}` });
    await roleOf("Maya Cohen").getByLabel("Role of Maya Cohen").selectOption("approver");
    await roleOf("Maya Cohen").getByRole("button", { name: "Save role of Maya Cohen" }).click();
    await expect(roleOf("Maya Cohen").getByRole("status")).toHaveText("Maya Cohen is now approver.");
    await page.context().close();
  });
});
