import { test, expect } from "./support/fixtures";
import { TEST_USERS } from "./support/users";

test.describe("signing in", () => {
  test("an anonymous visitor is sent to sign-in", async ({ page }) => {
    await page.goto("/incidents");
    await expect(page).toHaveURL(/\/sign-in$/);
    await expect(page.getByRole("heading", { name: "Sign in to Tandem" })).toBeVisible();
  });

  test("a wrong password gives a clear message and no session", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(TEST_USERS.engineer.email);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("status")).toHaveText("Wrong email or password.");
    await expect(page.getByLabel("Email")).toHaveValue(TEST_USERS.engineer.email);
    await page.goto("/");
    await expect(page).toHaveURL(/\/sign-in$/);
  });

  test("empty fields are named next to their inputs", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Email")).toHaveAccessibleDescription("Email is required");
    await expect(page.getByLabel("Password")).toHaveAccessibleDescription("Password is required");
  });

  test("signing out ends the session", async ({ page }) => {
    const u = TEST_USERS.approver;
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(u.email);
    await page.getByLabel("Password").fill(u.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("current-user")).toContainText(`${u.name} approver`);
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    await page.goto("/");
    await expect(page).toHaveURL(/\/sign-in$/);
  });

  for (const next of ["%2F%09%2Fexample.org%2Fphish", "%2F%0A%2Fexample.org%2Fphish", "%2F.%2F%2Fexample.org"]) {
    test(`a sign-in link with next=${next} stays on Tandem`, async ({ page, baseURL }) => {
      const u = TEST_USERS.engineer;
      await page.goto(`/sign-in?next=${next}`);
      await page.getByLabel("Email").fill(u.email);
      await page.getByLabel("Password").fill(u.password);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.getByTestId("current-user")).toBeVisible();
      expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
    });
  }
});
